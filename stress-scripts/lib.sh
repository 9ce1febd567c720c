#!/usr/bin/env bash
# Shared by the stress-scripts: where stress.jar is, and building it when it is missing.
# shellcheck disable=SC2034  # STRESS_JAR is used by the scripts that source this file
STRESS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STRESS_JAR="$STRESS_ROOT/minicluster-runner/target/stress.jar"

# Builds stress.jar (once) when it is not there yet.
ensure_jar() {
  if [[ ! -f "$STRESS_JAR" ]]; then
    echo "Building stress.jar (mvn -q package -DskipTests, a few minutes the first time) …" >&2
    (cd "$STRESS_ROOT" && mvn -q -B -ntp package -DskipTests) >&2
  fi
}
