#!/usr/bin/env bash
# Builds every image the cluster needs without pulling from a registry:
#   reservations/jre:17     Debian bookworm (debootstrap minbase) with OpenJDK 17 and curl
#   reservations/kafka:4.3.1  a KRaft broker from the Kafka jars on Maven Central, configured from KAFKA_*
#                           variables as apache/kafka is (Testcontainers' KafkaContainer accepts it)
#   reservations/api:dev, reservations/processor:dev, reservations/auditor:dev  command-api.jar,
#                           processor-service.jar and auditor-exec.jar built on this host (mvn package first)
# An image that exists is reused; FORCE=1 rebuilds all. Prints the variables docker-compose.yml takes.
# --if-docker: nothing to do (exit 0) where no Docker daemon answers; the build's container tests then skip.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --if-docker ] && ! docker info > /dev/null 2>&1; then
  echo "No Docker daemon answers: no images built (the container tests skip)" >&2
  exit 0
fi

base=${JRE_IMAGE:-reservations/jre:17}
kafka=${KAFKA_IMAGE:-reservations/kafka:4.3.1}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
export DOCKER_BUILDKIT=0   # the classic builder: no buildx plugin here, and nothing to pull

missing() { [ "${FORCE:-0}" = 1 ] || ! docker image inspect "$1" > /dev/null 2>&1; }
took() { echo "built $1 in $(( SECONDS - $2 )) s" >&2; }

if missing "$base" && [[ "$base" != reservations/* ]]; then
  docker pull "$base"   # a public image named by JRE_IMAGE, on a machine that reaches its registry
elif missing "$base"; then
  start=$SECONDS
  command -v debootstrap > /dev/null || apt-get install -y -qq debootstrap > /dev/null
  root=$(mktemp -d /var/tmp/jre-rootfs.XXXXXX)
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl,ca-certificates bookworm "$root" "$mirror" \
    > "$root.log" 2>&1 || { tail -20 "$root.log" >&2; exit 1; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import --change 'ENV LANG=C.UTF-8' - "$base" > /dev/null
  rm -rf "$root" "$root.log"
  took "$base" "$start"
fi

if missing "$kafka"; then
  start=$SECONDS
  rm -rf docker/kafka/libs
  # to stderr: stdout carries only the image names (even -q Maven writes colour codes there, which broke the
  # first of those lines when the Kafka image was built in the same run)
  mvn -B -q -ntp -f docker/kafka/pom.xml dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$PWD/docker/kafka/libs" >&2
  docker build -q --build-arg BASE_IMAGE="$base" -t "$kafka" docker/kafka > /dev/null
  took "$kafka" "$start"
fi

# the service: always built (the jars change with every build; the layers below them are cached)
for jar in command-api/target/command-api.jar processor-service/target/processor-service.jar \
    auditor/target/auditor-exec.jar; do
  [ -f "$jar" ] || { echo "$jar is missing: mvn -DskipTests package first" >&2; exit 1; }
done
for role in api processor auditor; do
  start=$SECONDS
  docker build -q --build-arg BASE_IMAGE="$base" -f "docker/$role.Dockerfile" -t "reservations/$role:dev" . > /dev/null
  took "reservations/$role:dev" "$start"
done

# for docker-compose.yml (append to .env) and the container tests
echo "JRE_IMAGE=$base"
echo "KAFKA_IMAGE=$kafka"
echo "API_IMAGE=reservations/api:dev"
echo "PROCESSOR_IMAGE=reservations/processor:dev"
echo "AUDITOR_IMAGE=reservations/auditor:dev"
