#!/usr/bin/env bash
# Prints a .env for docker-compose.yml with a random password for each secret: docker/dev-env.sh > .env
# docker-compose.yml has no default password; keep the .env out of version control (it is in .gitignore).
set -euo pipefail
secret() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }
for name in TLS_PASSWORD BROKER_KAFKA_PASSWORD ADMIN_KAFKA_PASSWORD PROCESSOR_KAFKA_PASSWORD API_KAFKA_PASSWORD \
    AUDITOR_KAFKA_PASSWORD; do
  echo "$name=$(secret)"
done
