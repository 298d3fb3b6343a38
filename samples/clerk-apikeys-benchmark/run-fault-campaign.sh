#!/usr/bin/env bash
# Builds the benchmark and runs the fault campaign as a measurement: how many of the verifications end
# with a value on this machine against a server that resets, fails and answers late 5 % each. Argument:
# calls (10000). Pin it to one core to see a slower machine: taskset -c 0 run-fault-campaign.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$root/mvnw" -B -q -f "$root/pom.xml" -pl samples/clerk-apikeys-benchmark -am package -DskipTests
cd "$here"
exec java -Xms256m -Xmx256m -cp "target/classes:$(cat target/benchmark.classpath)" \
  io.github.clerkapikeys.benchmark.FaultCampaignBenchmark "$@"
