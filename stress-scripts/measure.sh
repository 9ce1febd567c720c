#!/usr/bin/env bash
# Runs stress.jar several times with the same arguments and prints, per run and as medians, the pipeline
# seconds and messages/s from its VERDICT line and the peak RSS of the process (GNU time).
#
#   stress-scripts/measure.sh [--runs N] [--jar PATH] -- [stress.jar options]
#   stress-scripts/measure.sh --runs 3 -- --messages 1000000
#
# Exits non-zero if any run does not end with VERDICT PASS.
set -euo pipefail

runs=3
# shellcheck source=stress-scripts/lib.sh
source "$(dirname "$0")/lib.sh"
jar="$STRESS_JAR"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "measure.sh: unknown option $1 (use --runs N, --jar PATH, then -- and the stress.jar options)" >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "measure.sh: --runs must be a positive whole number" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "measure.sh: $jar not found: build it with 'mvn -q package -DskipTests'" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "measure.sh: GNU time (/usr/bin/time) is needed for the peak RSS: apt-get install time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
printf '%-4s %-8s %12s %12s %12s %14s\n' run verdict pipeline_s wall_s msg_per_s peak_rss_mb
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  set +e
  /usr/bin/time -v -o "$work/time.$i" java -jar "$jar" "$@" >"$work/out.$i" 2>"$work/err.$i"
  code=$?
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
  printf '%-4s %-8s %12s %12s %12s %14s\n' "$i" "$(cut -d' ' -f2 <<<"$verdict") ($code)" "${seconds:-?}" "$wall" "$rate" "$rss_mb"
  echo "$seconds $wall $rate $rss_mb" >>"$work/figures"
done
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-13s %12s %12s %12s %14s\n' median \
  "$(cut -d' ' -f1 "$work/figures" | median)" "$(cut -d' ' -f2 "$work/figures" | median)" \
  "$(cut -d' ' -f3 "$work/figures" | median)" "$(cut -d' ' -f4 "$work/figures" | median)"
exit "$failed"
