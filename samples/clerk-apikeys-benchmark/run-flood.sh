#!/usr/bin/env bash
# Builds the benchmark and runs its flood scenario: the starter's default verification budget against
# distinct unknown ak_ tokens at 0, 1,000 and 10,000 per second (and 10,000 from one address) while valid
# keys keep being requested, on the local Clerk API in the same JVM. Arguments: seconds per scenario (15),
# valid keys (200), valid-key requests per second (20), attacking addresses (256). The Markdown tables are
# printed and written to samples/clerk-apikeys-benchmark/target/flood-results.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$root/mvnw" -B -q -f "$root/pom.xml" -pl samples/clerk-apikeys-benchmark -am package -DskipTests
cd "$here"
exec java -Xms512m -Xmx512m -cp "target/classes:$(cat target/benchmark.classpath)" \
  io.github.clerkapikeys.benchmark.FloodBenchmark "$@"
