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

# The JVM options that keep today's JDKs from warning on stderr about native access and sun.misc.Unsafe
# (Netty, Flink, RocksDB), for the scripts that start java with -cp (java -jar reads the jar's manifest and
# starts its worker with them itself). Only what this java accepts: an unknown option stops a JVM from starting.
quiet_java_options() {
  QUIET_JAVA_OPTS=(--enable-native-access=ALL-UNNAMED)
  if java --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
    QUIET_JAVA_OPTS+=(--sun-misc-unsafe-memory-access=allow)
  fi
}
