# The stream processor: processor-service.jar (built on the host: mvn -DskipTests package) with its command
# endpoints off. It still serves reads of the entities it masters (interactive queries) and the actuator probes on
# port 8080.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}
# curl for the health check, where the base image lacks it
RUN command -v curl > /dev/null || (apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*)
# a user of its own, not root, owning the state directory (a new named volume takes its owner from the image)
RUN useradd --system --uid 10001 --no-create-home reservations \
    && mkdir -p /var/lib/reservations && chown 10001 /var/lib/reservations && chmod 700 /var/lib/reservations
WORKDIR /app
COPY processor-service/target/processor-service.jar app.jar
USER 10001
ENV RESERVATIONS_API_ENABLED=false \
    RESERVATIONS_DATA_DIR=/var/lib/reservations
VOLUME /var/lib/reservations
EXPOSE 8080
# a processor is ready once both of its Kafka Streams applications have joined their groups and restored: on a
# busy 2-core machine with three brokers that took up to two minutes, which the start period leaves out of the count
HEALTHCHECK --interval=10s --timeout=3s --retries=12 --start-period=120s CMD curl -fs http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
