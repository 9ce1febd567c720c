#!/usr/bin/env bash
# streamstress side by side with Kafka's own perf tools and a bare Flink job, on one embedded broker, each
# contestant in its own JVM, K rounds; prints a table and writes bench-result.json (medians + raw figures).
#
#   stress-scripts/bench.sh [N [K]] [options]     N records (default 10000000), K rounds (default 3)
#   stress-scripts/bench.sh --scale               streamstress alone at 1 M, 10 M and 100 M: bench-scale.json
#   stress-scripts/bench.sh --help                every option
#
# Exit 0 when every contestant ran (goals are reported, not enforced), 1 when one failed, 2 on usage errors.
set -euo pipefail
# shellcheck source=stress-scripts/lib.sh
source "$(dirname "$0")/lib.sh"

args=()
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  args+=(--messages "$1"); shift
  if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
    args+=(--rounds "$1"); shift
  fi
fi

ensure_jar
quiet_java_options
# The driver hosts the broker every contestant talks to; 1 GB of heap, as a stress run's worker has.
exec java -Xmx1g "${QUIET_JAVA_OPTS[@]}" -cp "$STRESS_JAR" io.streamstress.runner.cli.BenchCommand "${args[@]}" "$@"
