#!/usr/bin/env bash
# Builds the benchmark and runs its security-chain scenario: requests per second through the MVC sample's
# whole Spring Security chain for a cached API key, a session token verified locally, and no
# authentication, on the local Clerk API in the same JVM. Arguments: rounds (3), warm-up seconds (2; three
# times that for every scenario before the first round), measured seconds (3), connections (16). The
# Markdown table is printed and written to samples/clerk-apikeys-benchmark/target/security-chain-results.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$root/mvnw" -B -q -f "$root/pom.xml" -pl samples/clerk-apikeys-benchmark -am package -DskipTests
cd "$here"
exec java -Xms512m -Xmx512m -cp "target/classes:$(cat target/benchmark.classpath)" \
  io.github.clerkapikeys.benchmark.SecurityChainBenchmark "$@"
