#!/usr/bin/env bash
# Builds the benchmark and runs it: every contender in its own JVM against a loopback stub of Clerk's
# verify endpoint. Arguments: rounds (5), warm-up seconds (10), measured seconds (10), concurrency (16).
# The Markdown table is printed and written to samples/clerk-apikeys-benchmark/target/benchmark-results.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$root/mvnw" -B -q -f "$root/pom.xml" -pl samples/clerk-apikeys-benchmark -am package -DskipTests
cd "$here"
exec java -Xms256m -Xmx256m -cp "target/classes:$(cat target/benchmark.classpath)" \
  io.github.clerkapikeys.benchmark.BenchmarkRunner "$@"
