#!/usr/bin/env bash
# Builds the benchmark and runs its many-instances scenario: 1, 2 and 4 application instances sharing one
# redis-server (started here on a free loopback port, stopped at the end) and one local Clerk API.
# Argument: keys per run (200). The Markdown table is printed and written to
# samples/clerk-apikeys-benchmark/target/many-instances-results.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
command -v redis-server >/dev/null || { echo "redis-server is needed: sudo apt-get install redis-server"; exit 1; }
"$root/mvnw" -B -q -f "$root/pom.xml" -pl samples/clerk-apikeys-benchmark -am package -DskipTests
cd "$here"
port=$(( 20000 + RANDOM % 20000 ))
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --loglevel warning >/dev/null &
redis=$!
trap 'kill $redis 2>/dev/null || true' EXIT
until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
java -Xms256m -Xmx256m -cp "target/classes:$(cat target/benchmark.classpath)" \
  io.github.clerkapikeys.benchmark.ManyInstancesBenchmark "$port" "$@"
