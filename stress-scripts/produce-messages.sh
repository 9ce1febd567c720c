#!/usr/bin/env bash
# Loads a topic of an external Kafka with streamstress load messages (partition, sequence, id, produce and
# intended timestamps, padded to --record-size), through the same idempotent producer as a stress run.
# The topic is created with --partitions when it does not exist. Builds stress.jar first if needed.
#
#   stress-scripts/produce-messages.sh --bootstrap-servers HOST:PORT --topic NAME [--messages N]
#       [--partitions N] [--record-size BYTES] [--rate MSG/S] [--traffic-pattern START-END:RATE,…]
#
# Exit codes: 0 every message acknowledged; 1 Kafka unreachable or a send failed; 2 usage error.
set -euo pipefail
# shellcheck source=stress-scripts/lib.sh
source "$(dirname "$0")/lib.sh"

ensure_jar
quiet_java_options
exec java "${QUIET_JAVA_OPTS[@]}" -cp "$STRESS_JAR" io.streamstress.runner.cli.ProduceCommand "$@"
