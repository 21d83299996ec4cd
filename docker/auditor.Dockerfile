# The auditor as its own container: auditor-exec.jar (built on the host: mvn -DskipTests package). It reads the
# event topics as committed with a Kafka user of its own (read only) and serves /metrics and /health on port 8080.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}
# curl for the health check, where the base image lacks it
RUN command -v curl > /dev/null || (apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*)
RUN useradd --system --uid 10001 --no-create-home reservations
WORKDIR /app
COPY auditor/target/auditor-exec.jar app.jar
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=12 CMD curl -fs http://localhost:8080/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
