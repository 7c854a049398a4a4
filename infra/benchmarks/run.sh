#!/usr/bin/env bash
# Builds the platform and runs the benchmark workloads against it, on this machine, each service its own process.
# Prints a table and writes the same figures as JSON (infra/benchmarks/target/benchmark-results.json).
#
#   infra/benchmarks/run.sh                                   # everything at national scale
#   infra/benchmarks/run.sh --workloads two-tier --scale 0.1  # one workload, a tenth of the units
#
# Options: --workloads two-tier,three-tier,sweep,demo,store-writes   --scale 1.0   --limit-minutes 150   --out FILE
# A cascade stopped before it settled (the machine went down) goes on from its data folder, its time adding up:
#   infra/benchmarks/run.sh --resume infra/benchmarks/target/benchmark-data/three-tier-1700000000
# The platform it starts listens 100 above the local defaults (Kafka 9192, Mongo 27117, services 8181-8184), so a
# platform started with run-local.sh may keep running; its data goes to infra/benchmarks/target/benchmark-data.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -DskipTests package
fi

target=infra/benchmarks/target
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Xmx1g \
  -cp "$target/benchmarks.jar:$target/lib/*" vn.gov.par.benchmarks.BenchmarkMain "$@"
