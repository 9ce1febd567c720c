#!/usr/bin/env bash
# Runs streamstress on the embedded defaults (building stress.jar first if needed) and fails unless the
# run ends with VERDICT PASS within the time given.
#
#   stress-scripts/run-local-stress-tests.sh --messages N --max-time-ms T [stress.jar options …]
#   stress-scripts/run-local-stress-tests.sh --messages 1000000 --max-time-ms 120000 --chaos task-exception
#
# Exit codes: 0 PASS within T; 1 the run failed or took longer than T; 2 usage error.
set -euo pipefail
# shellcheck source=stress-scripts/lib.sh
source "$(dirname "$0")/lib.sh"

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }
messages=""
max_ms=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --messages) messages="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    --max-time-ms) max_ms="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    -h|--help) usage; exit 0 ;;
    *) break ;;
  esac
done
[[ "$messages" =~ ^[1-9][0-9]*$ ]] || { echo "run-local-stress-tests.sh: --messages N is needed (a positive whole number)" >&2; exit 2; }
[[ "$max_ms" =~ ^[1-9][0-9]*$ ]] || { echo "run-local-stress-tests.sh: --max-time-ms T is needed (a positive whole number of ms)" >&2; exit 2; }

ensure_jar
log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s%N)
set +e
# --max-time makes the run stop and FAIL by itself at T; timeout only guards against a hang beyond that.
timeout --kill-after=30s "$(( max_ms / 1000 + 120 ))s" \
  java -jar "$STRESS_JAR" --messages "$messages" --max-time "${max_ms}ms" "$@" | tee "$log"
code=${PIPESTATUS[0]}
set -e
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
verdict=$(tail -n 1 "$log")
if [[ $code -eq 0 && "$verdict" == "VERDICT PASS "* && $elapsed_ms -le $max_ms ]]; then
  echo "run-local-stress-tests: PASS in ${elapsed_ms} ms (limit ${max_ms} ms)"
  exit 0
fi
if [[ $code -eq 0 && $elapsed_ms -gt $max_ms ]]; then
  echo "run-local-stress-tests: FAIL: passed, but took ${elapsed_ms} ms, over the ${max_ms} ms limit" >&2
else
  echo "run-local-stress-tests: FAIL: exit code ${code} after ${elapsed_ms} ms; last line: ${verdict}" >&2
fi
exit 1
