#!/usr/bin/env bash
# Builds and starts the whole service in one process: a local single-node KRaft Kafka broker (data under
# ./data, kept across restarts), the stream processor and the REST API on port 8080. Ctrl-C stops it all.
# With KAFKA_BOOTSTRAP_SERVERS set, no broker is started and the service joins that cluster.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B install -DskipTests
exec java -jar local-service/target/local-service.jar "$@"
