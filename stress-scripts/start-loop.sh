#!/usr/bin/env bash
# Start-up check: runs N short stress runs, two at a time (so that two runs, their brokers, Redis servers and
# MiniClusters, start side by side and race for ports), and counts the runs that did not end VERDICT PASS.
#
#   stress-scripts/start-loop.sh [N]       N runs (default 100) of stress.jar as built (it builds nothing)
#
# Each run: --messages 20000 --partitions 4 --task-managers 2 --slots-per-task-manager 2 --max-time 2m, with
# its own --run-dir and --report-dir under one temp dir, removed at the end. Prints a line per finished run,
# then "N runs, K failed" and the exit code and last stderr lines of every failed run.
# Exit codes: 0 every run passed; 1 a run failed; 2 usage error or no stress.jar.
set -euo pipefail
# shellcheck source=stress-scripts/lib.sh
source "$(dirname "$0")/lib.sh"

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
[[ $# -le 1 ]] || { echo "start-loop.sh: one argument at most, the number of runs (see --help)" >&2; exit 2; }
runs="${1:-100}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "start-loop.sh: N must be a positive whole number, was '$runs'" >&2; exit 2; }
[[ -f "$STRESS_JAR" ]] || {
  echo "start-loop.sh: $STRESS_JAR not found: build it first with 'mvn -q package -DskipTests'" >&2
  exit 2
}
readonly parallel=2
readonly run_args=(--messages 20000 --partitions 4 --task-managers 2 --slots-per-task-manager 2 --max-time 2m)

work=$(mktemp -d "${TMPDIR:-/tmp}/start-loop.XXXXXX")
cleanup() {
  local pid
  # A run's subshell waits on timeout, which passes the signal on to the stress.jar it started.
  for pid in $(jobs -pr); do
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
  done
  wait || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# One run, in the background: its output, its exit code and its seconds go into files named after it.
run_one() {
  local i=$1 start code
  start=$(date +%s%N)
  set +e
  # --max-time ends a slow run by itself; timeout only guards against a hang beyond it.
  timeout --kill-after=30s 300s java -jar "$STRESS_JAR" "${run_args[@]}" \
    --run-dir "$work/run.$i" --report-dir "$work/report.$i" >"$work/out.$i" 2>"$work/err.$i"
  code=$?
  set -e
  echo $(( ($(date +%s%N) - start) / 1000000 )) >"$work/ms.$i"
  echo "$code" >"$work/code.$i"
}

declare -A reported=()
finished=0
failed=0
failures=()
# Prints a line for every run that finished since the last call.
report_finished() {
  local i code verdict
  for i in $(seq 1 "$started"); do
    [[ -z "${reported[$i]:-}" && -f "$work/code.$i" ]] || continue
    reported[$i]=1
    finished=$((finished + 1))
    code=$(<"$work/code.$i")
    verdict=$(tail -n 1 "$work/out.$i" 2>/dev/null || true)
    if [[ $code -eq 0 && "$verdict" == "VERDICT PASS "* ]]; then
      printf 'run %3d: PASS in %5.1f s   (%d of %d done, %d failed)\n' "$i" \
        "$(awk -v ms="$(<"$work/ms.$i")" 'BEGIN { print ms / 1000 }')" "$finished" "$runs" "$failed"
    else
      failed=$((failed + 1))
      failures+=("$i")
      printf 'run %3d: FAILED, exit code %d   (%d of %d done, %d failed)\n' "$i" "$code" "$finished" "$runs" "$failed"
      # Keep what explains it before the temp dir goes.
      {
        echo "run $i: exit code $code; last line on stdout: ${verdict:-<none>}"
        tail -n 5 "$work/err.$i" | sed 's/^/    /'
      } >"$work/failure.$i"
    fi
  done
}

echo "start-loop: $runs runs of stress.jar ${run_args[*]}, $parallel at a time (work dir $work)"
started=0
for i in $(seq 1 "$runs"); do
  while [[ $(jobs -pr | wc -l) -ge $parallel ]]; do
    wait -n || true
    report_finished
  done
  run_one "$i" &
  started=$i
done
wait || true
report_finished

echo "$runs runs, $failed failed"
for i in "${failures[@]}"; do
  cat "$work/failure.$i"
done
[[ $failed -eq 0 ]]
