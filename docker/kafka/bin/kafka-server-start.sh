#!/bin/bash
# The broker (and controller) in the foreground: kafka-server-start.sh <server.properties>
export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}
export KAFKA_LOG4J_CONFIG=/opt/kafka/config/log4j2.properties
exec /opt/kafka/bin/kafka-run-class.sh -XX:+UseG1GC -XX:MaxGCPauseMillis=20 kafka.Kafka "$@"
