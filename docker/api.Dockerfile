# The command API: command-api.jar (built on the host: mvn -DskipTests package), the REST edge alone, which carries
# no processor; reads are forwarded to a processor (RESERVATIONS_API_READ_FROM), which routes them to the owner of
# the key.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}
# curl for the health check, where the base image lacks it
RUN command -v curl > /dev/null || (apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*)
# a user of its own, not root; /keys is where the compose keys service keeps the token signing key
RUN useradd --system --uid 10001 --no-create-home reservations \
    && mkdir -p /keys/private /keys/public && chown -R 10001 /keys && chmod 700 /keys/private
WORKDIR /app
COPY command-api/target/command-api.jar app.jar
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=12 CMD curl -fs http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
