#!/usr/bin/env bash
# A real crash and a resume, as a user would do them: starts stress.jar on a fixed run directory, kills its
# whole process tree with SIGKILL once the job has committed records for a while, optionally removes retained
# checkpoints (all of them: the job restarts from the beginning of the topic; or the newest only: it restores
# an older one than the newest, a rollback), then runs `stress.jar --resume DIR` and prints both VERDICT
# lines. The resume must end VERDICT PASS with exact counts whatever state it restarts from.
#
#   stress-scripts/crash-and-resume.sh [--jar PATH] [--kill-after SECONDS] [--drop none|newest|all]
#                                      [--run-dir DIR] -- [stress.jar options, e.g. --messages 5000000]
#
# Exits with the resumed run's exit code (0 PASS, 3 a verified invariant failed).
set -euo pipefail

# shellcheck source=stress-scripts/lib.sh
source "$(dirname "$0")/lib.sh"
jar="$STRESS_JAR"
kill_after=15
drop=none
run_dir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --kill-after) kill_after="$2"; shift 2 ;;
    --drop) drop="$2"; shift 2 ;;
    --run-dir) run_dir="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "crash-and-resume.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$kill_after" =~ ^[1-9][0-9]*$ ]] || { echo "crash-and-resume.sh: --kill-after must be whole seconds" >&2; exit 2; }
[[ "$drop" =~ ^(none|newest|all)$ ]] || { echo "crash-and-resume.sh: --drop must be none, newest or all" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "crash-and-resume.sh: $jar not found: build it with 'mvn -q package -DskipTests'" >&2; exit 2; }
command -v setsid >/dev/null || { echo "crash-and-resume.sh: setsid (util-linux) is needed" >&2; exit 2; }
if [[ -z "$run_dir" ]]; then
  run_dir="$(mktemp -d -t crash-and-resume.XXXXXX)"
  rmdir "$run_dir"
fi
first_out="$run_dir.first.txt"
second_out="$run_dir.resumed.txt"

echo "Starting stress.jar on $run_dir (killed with SIGKILL after ${kill_after} s of committed records) …"
setsid java -jar "$jar" --run-dir "$run_dir" "$@" >"$first_out" 2>&1 &
leader=$!
waited=0
# Waits for the first committed records (the progress line shows them), then kill_after seconds more.
until grep -qE "committed [1-9]" "$first_out" 2>/dev/null; do
  if ! kill -0 "$leader" 2>/dev/null; then
    echo "crash-and-resume.sh: the run ended before it committed anything:" >&2
    tail -5 "$first_out" >&2
    exit 1
  fi
  sleep 1
  waited=$((waited + 1))
  if [[ $waited -gt 300 ]]; then
    echo "crash-and-resume.sh: nothing committed after 300 s" >&2
    kill -9 -- "-$leader" 2>/dev/null || true
    exit 1
  fi
done
sleep "$kill_after"
if ! kill -0 "$leader" 2>/dev/null; then
  echo "crash-and-resume.sh: the run ended before the kill (use fewer --kill-after seconds or more --messages):" >&2
  tail -3 "$first_out" >&2
  exit 1
fi
kill -9 -- "-$leader"
wait "$leader" 2>/dev/null || true
echo "Killed the process group $leader with SIGKILL."

# Completed retained checkpoints (those with their _metadata), oldest first by checkpoint number.
mapfile -t checkpoints < <(find "$run_dir/checkpoints" -mindepth 2 -maxdepth 2 -type d -name 'chk-*' \
  -exec test -f '{}/_metadata' ';' -print 2>/dev/null | awk -F'chk-' '{ print $NF "\t" $0 }' | sort -n | cut -f2-)
echo "Retained checkpoints: ${#checkpoints[@]} (${checkpoints[*]##*/})"
case "$drop" in
  all)
    rm -rf "$run_dir/checkpoints"
    echo "Removed every retained checkpoint: the job restarts from the beginning of the topic." ;;
  newest)
    if [[ ${#checkpoints[@]} -lt 2 ]]; then
      echo "crash-and-resume.sh: --drop newest needs 2 retained checkpoints, found ${#checkpoints[@]}" >&2
      exit 1
    fi
    rm -rf "${checkpoints[-1]}"
    echo "Removed the newest retained checkpoint ${checkpoints[-1]##*/}: the job restores ${checkpoints[-2]##*/}." ;;
  none) ;;
esac

echo "Resuming: java -jar $jar --resume $run_dir"
code=0
java -jar "$jar" --resume "$run_dir" >"$second_out" 2>&1 || code=$?
grep -E "Restoring the job|No completed checkpoint" "$second_out" || true
grep -E "^VERDICT" "$second_out" || tail -5 "$second_out"
echo "exit code $code (outputs: $first_out, $second_out)"
exit "$code"
