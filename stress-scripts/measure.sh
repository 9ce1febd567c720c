#!/usr/bin/env bash
# Runs stress.jar several times with the same arguments and prints, per run and as medians, the pipeline
# seconds and messages/s from its VERDICT line, the start-up seconds from its JSON report (command start →
# first record sent: servers and the Flink cluster up, topic created, job submitted), the peak RSS of the
# largest process (GNU time) and of the whole process tree (every process's peak, sampled from /proc, added
# up: with --cluster local that is the harness plus the JobManager and TaskManager JVMs).
#
#   stress-scripts/measure.sh [--runs N] [--jar PATH] -- [stress.jar options]
#   stress-scripts/measure.sh --runs 3 -- --messages 1000000
#   stress-scripts/measure.sh --rss-csv rss.csv -- --messages 100000000   # RSS over time: run,seconds,rss_mb
#
# Exits non-zero if any run does not end with VERDICT PASS.
set -euo pipefail

runs=3
# shellcheck source=stress-scripts/lib.sh
source "$(dirname "$0")/lib.sh"
jar="$STRESS_JAR"
rss_csv=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --rss-csv) rss_csv="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "measure.sh: unknown option $1 (use --runs N, --jar PATH, --rss-csv FILE, then -- and the stress.jar options)" >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "measure.sh: --runs must be a positive whole number" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "measure.sh: $jar not found: build it with 'mvn -q package -DskipTests'" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "measure.sh: GNU time (/usr/bin/time) is needed for the peak RSS: apt-get install time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
# Samples the peak RSS (VmHWM) of every process below $1 until it ends; prints their sum in kB. With $2 and $3 (a
# file and the run's number), appends "run,seconds since the start,current RSS of them all in MB" at each sample.
tree_peak_kb() {
  local root=$1 csv=${2:-} run=${3:-} began
  began=$(date +%s.%N)
  declare -A peak=()
  while kill -0 "$root" 2>/dev/null; do
    local pids pid kb now_kb=0 rss
    pids=$(descendants "$root")
    for pid in $pids; do
      kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      if [[ -n "$kb" && "$kb" -gt "${peak[$pid]:-0}" ]]; then peak[$pid]=$kb; fi
      rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
      now_kb=$((now_kb + ${rss:-0}))
    done
    if [[ -n "$csv" ]]; then
      awk -v r="$run" -v a="$began" -v b="$(date +%s.%N)" -v k="$now_kb" 'BEGIN { printf "%s,%.1f,%.0f\n", r, b - a, k / 1024 }' >>"$csv"
    fi
    sleep 0.5
  done
  local sum=0 value
  for value in "${peak[@]}"; do sum=$((sum + value)); done
  echo "$sum"
}
# Prints $1 and every process below it.
descendants() {
  local pid=$1 child
  echo "$pid"
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do descendants "$child"; done
}
if [[ -n "$rss_csv" ]]; then echo "run,seconds,rss_mb" >"$rss_csv"; fi
printf '%-4s %-8s %12s %12s %12s %10s %14s %14s\n' run verdict pipeline_s wall_s msg_per_s startup_s peak_rss_mb tree_rss_mb
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -v -o "$work/time.$i" java -jar "$jar" "$@" --report-dir "$work/report.$i" >"$work/out.$i" 2>"$work/err.$i" &
  timer=$!
  tree_peak_kb "$timer" "$rss_csv" "$i" >"$work/tree.$i" &
  sampler=$!
  wait "$timer"
  code=$?
  wait "$sampler"
  set -e
  end=$(date +%s.%N)
  verdict=$(tail -n 1 "$work/out.$i")
  [[ "$verdict" == "VERDICT PASS "* ]] || failed=1
  seconds=$(sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' <<<"$verdict")
  committed=$(sed -n 's/.* committed=\([0-9]*\).*/\1/p' <<<"$verdict")
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.$i")
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  rate=$(awk -v c="${committed:-0}" -v s="${seconds:-0}" 'BEGIN { if (s > 0) printf "%.0f", c / s; else print 0 }')
  rss_mb=$(awk -v k="${rss_kb:-0}" 'BEGIN { printf "%.0f", k / 1024 }')
  tree_mb=$(awk -v k="$(cat "$work/tree.$i")" 'BEGIN { printf "%.0f", k / 1024 }')
  startup_ms=$(sed -n 's/.*"startupMs" *: *\([0-9]*\).*/\1/p' "$work/report.$i/stress-report.json" 2>/dev/null | head -1)
  startup=$(awk -v m="${startup_ms:-0}" 'BEGIN { printf "%.1f", m / 1000 }')
  printf '%-4s %-8s %12s %12s %12s %10s %14s %14s\n' "$i" "$(cut -d' ' -f2 <<<"$verdict") ($code)" "${seconds:-?}" "$wall" \
    "$rate" "$startup" "$rss_mb" "$tree_mb"
  echo "$seconds $wall $rate $startup $rss_mb $tree_mb" >>"$work/figures"
done
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-13s %12s %12s %12s %10s %14s %14s\n' median \
  "$(cut -d' ' -f1 "$work/figures" | median)" "$(cut -d' ' -f2 "$work/figures" | median)" \
  "$(cut -d' ' -f3 "$work/figures" | median)" "$(cut -d' ' -f4 "$work/figures" | median)" \
  "$(cut -d' ' -f5 "$work/figures" | median)" "$(cut -d' ' -f6 "$work/figures" | median)"
exit "$failed"
