#!/usr/bin/env bash
# Brings docker-compose.yml up for real with the images of docker/build-images.sh (built if missing), waits until
# every service is healthy, sends one select-resource through the API container, kills a processor and sends
# another (the survivor may look for the dead one's transactions under its ACLs), checks an owner's token from the
# token tool, that the brokers' health check leaves no login behind, that reads reach the processors over HTTPS
# only and that the API's network reaches no broker listener but SASL_SSL, that a change stream, the auditor
# container and the console's reads of it and of the dead letters work, and takes it all down again, volumes included. Prints how long each step took. Run from anywhere; needs a Docker daemon and docker-compose.
set -euo pipefail
cd "$(dirname "$0")/.."
project=reservations-smoke
env_file=$(mktemp)
compose() { docker-compose -p "$project" --env-file "$env_file" "$@"; }
trap 'compose down -v --remove-orphans > /dev/null 2>&1 || true; rm -f "$env_file"' EXIT

docker/dev-env.sh > "$env_file"
docker/build-images.sh >> "$env_file"

# a run stopped half-way (a killed CI job, a lost daemon) leaves its containers and volumes behind: certificates
# made with that run's random passwords, which this run's brokers could not open. Start from nothing.
compose down -v --remove-orphans > /dev/null 2>&1 || true

start=$SECONDS
if ! compose up -d --no-build; then
  compose ps; compose logs --tail 50; echo "compose up failed after $(( SECONDS - start )) s" >&2; exit 1
fi
api=$(compose ps -q api)
until [ "$(docker inspect -f '{{.State.Health.Status}}' "$api")" = healthy ]; do
  if (( SECONDS - start > 600 )); then
    compose ps; compose logs --tail 50; echo "the API was not healthy after 10 minutes" >&2; exit 1
  fi
  sleep 2
done
echo "compose up: every service healthy after $(( SECONDS - start )) s; started at:"
docker inspect -f '{{.State.StartedAt}} {{.Name}}' $(compose ps -q) | sort

token=$(compose run --rm -T keys --key-dir /keys/private --admin-token 1h | tail -1)
post() { curl -sf -X POST "localhost:8080$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2"; }
post /windows '{"id":"w-smoke","resources":[{"id":"s1","type":"seat"},{"id":"s2","type":"seat"}]}' > /dev/null
post /reservations '{"id":"r-smoke","window_id":"w-smoke"}' > /dev/null
# a command's answer; for a 202 (the cluster's first transactions can outlast the default wait, a failover too) its
# command's result, once there
settled() {
  local answer command_id
  answer=$(post "$1" "$2")
  if command_id=$(grep -o '"command_id":"[^"]*"' <<< "$answer" | cut -d'"' -f4) && [ -n "$command_id" ]; then
    for _ in $(seq 120); do
      answer=$(curl -sf "localhost:8080/commands/$command_id" -H "Authorization: Bearer $token")
      # the command's own status, the first field after its id (a created reservation's entity is PENDING too)
      grep -q '^{"command_id":"[^"]*","status":"PENDING"' <<< "$answer" || break
      sleep 1
    done
  fi
  echo "$answer"
}
answer=$(settled /reservations/r-smoke/select-resource '{"resource_type":"seat"}')
echo "select-resource through the API container: $answer"
grep -q '"status":"CONFIRMED"' <<< "$answer"

# an owner's token from the same tool: its own reservation made, the admin's not even seen
alice=$(compose run --rm -T keys --key-dir /keys/private --token alice --ttl 1h | tail -1)
as_alice() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $alice" -H 'Content-Type: application/json' "$@"; }
created=$(as_alice -X POST localhost:8080/reservations -d '{"id":"r-alice","window_id":"w-smoke"}')
others=$(as_alice localhost:8080/reservations/r-smoke)
echo "an owner's token: POST /reservations $created, GET of the admin's reservation $others"
[ "$created" = 201 ] && [ "$others" = 404 ]
# the brokers' health check keeps its login where only the broker's user may read it, and removes it
health_files=$(docker exec "$(compose ps -q kafka-1)" sh -c 'ls /tmp/health.properties 2> /dev/null || true')
echo "the broker's health check left: ${health_files:-nothing}"
[ -z "$health_files" ]
# reads forwarded from the API to the processors go over HTTPS (they carry the caller's token): a plain HTTP request
# to a processor is refused (400), one with the processors' certificate answers, and a read through the API works
code() { docker exec "$(compose ps -q api)" curl -s -o /dev/null -w '%{http_code}' "$@"; }
plain=$(code http://processor-1:8080/actuator/health/readiness)
tls=$(code --cacert /client-certs/http.crt https://processor-1:8080/actuator/health/readiness)
# twice: the API asks the processors in turn, so one of the two is not the owner and forwards to it, over HTTPS too
get_reservation() { curl -s -o /dev/null -w '%{http_code}' localhost:8080/reservations/r-smoke -H "Authorization: Bearer $token"; }
reads="$(get_reservation) $(get_reservation)"
echo "a processor over plain HTTP: $plain, over HTTPS: $tls; GET /reservations/r-smoke through the API, twice: $reads"
[ "$plain" = 400 ] && [ "$tls" = 200 ] && [ "$reads" = "200 200" ]
# a window's change stream through the API container, whose Kafka user reads window.events: the snapshot, then the
# release that a cancel makes
stream=$(mktemp)
curl -sN --max-time 30 localhost:8080/windows/w-smoke/changes -H "Authorization: Bearer $token" > "$stream" &
streaming=$!
until grep -Eq '^event: ?snapshot' "$stream"; do
  kill -0 "$streaming" 2> /dev/null || { echo "the change stream ended without a snapshot: $(cat "$stream")" >&2; exit 1; }
  sleep 0.2
done
post /reservations/r-smoke/cancel '' > /dev/null
until grep -Eq '^event: ?ResourceReleased' "$stream"; do
  kill -0 "$streaming" 2> /dev/null || { echo "the change stream ended before the release: $(cat "$stream")" >&2; exit 1; }
  sleep 0.2
done
kill "$streaming" 2> /dev/null || true
echo "GET /windows/w-smoke/changes through the API: $(grep -Ec '^event: ?' "$stream") events, the last: $(grep -E '^event: ?' "$stream" | tail -1)"
rm -f "$stream"
# from the applications' network the brokers answer on SASL_SSL (9092) only: controllers (9093) and the superuser
# listener (9094) are bound to the brokers' own network, which the API container does not join
reach() { docker exec "$(compose ps -q api)" timeout 5 bash -c "exec 3<>/dev/tcp/$1/$2" > /dev/null 2>&1 && echo open || echo closed; }
ports="kafka-1:9092 $(reach kafka-1 9092), kafka-1:9093 $(reach kafka-1 9093), kafka-1:9094 $(reach kafka-1 9094)"
ports="$ports, kafka-1-internal:9094 $(reach kafka-1-internal 9094)"
echo "the brokers' ports seen from the API container: $ports"
[ "$ports" = "kafka-1:9092 open, kafka-1:9093 closed, kafka-1:9094 closed, kafka-1-internal:9094 closed" ]
# a processor killed as in a crash: the other takes its partitions once its session ends, and looks for the
# transactions it left open with the processor's own credentials and ACLs (DepartedTransactionWatch warns when it
# may not)
since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
docker kill -s KILL "$(compose ps -q processor-2)" > /dev/null
killed=$SECONDS
settled /reservations '{"id":"r-failover","window_id":"w-smoke"}' > /dev/null
created=$SECONDS
answer=$(settled /reservations/r-failover/select-resource '{"resource_type":"seat"}')
echo "processor-2 killed: a create completed $(( created - killed )) s later, a select $(( SECONDS - created )) s after it: $answer"
grep -q '"status":"CONFIRMED"' <<< "$answer"
survivor() { docker logs --since "$since" "$(compose ps -q processor-1)" 2>&1; }
took_over='stream-client \[reservation-processor-[0-9a-f]{8}-[^]]*\] State transition from REBALANCING to RUNNING'
until survivor | grep -Eq "$took_over"; do
  if (( SECONDS - killed > 120 )); then
    echo "processor-1 did not take processor-2's partitions within 2 minutes" >&2; exit 1
  fi
  sleep 1
done
logs=$(survivor)
echo "processor-2 killed at $since; what processor-1 did since:"
grep -E 'State transition|Aborted the open transaction' <<< "$logs" | sed -E 's/^([^ ]+) .* : /  \1 /'
if grep -q 'Could not look for transactions' <<< "$logs"; then
  grep 'Could not look for transactions' <<< "$logs" | head -3 >&2; exit 1
fi
# the auditor, its own container with its own Kafka user: it read the events of all this, and found nothing
audit_metrics() { docker exec "$(compose ps -q auditor)" curl -fs localhost:8080/metrics; }
until audit_metrics | grep -Eq '^reservations_audit_lag_records 0.0'; do
  if (( SECONDS - killed > 180 )); then
    echo "the auditor did not catch up within 3 minutes" >&2; audit_metrics | grep '^reservations_audit' >&2; exit 1
  fi
  sleep 1
done
audited=$(audit_metrics | grep '^reservations_audit')
echo "the auditor container: $(grep '^reservations_audit_events_total' <<< "$audited"); violations:"
grep '^reservations_audit_violations_total' <<< "$audited" | sed 's/^/  /'
grep -Eq '^reservations_audit_events_total [1-9]' <<< "$audited"
if grep '^reservations_audit_violations_total' <<< "$audited" | grep -vq ' 0.0$'; then
  echo "the auditor reported violations" >&2; compose logs auditor | grep 'audit violation' >&2; exit 1
fi
# the console in the API container asks the auditor container (RESERVATIONS_CONSOLE_AUDITOR_URL) for its findings,
# and reads the dead letters with the API's own Kafka user
console() { curl -sf "localhost:8080/console/$1" -H "Cookie: reservations_console=$token"; }
findings=$(console findings)
echo "the console's auditor findings through the API container: $findings"
grep -q '"source":"http://auditor:8080/findings","running":true' <<< "$findings"
grep -q '"findings":\[\]' <<< "$findings"
dead_letters=$(console dead-letters)
echo "the console's dead letters through the API container: $dead_letters"
grep -q '"total":0' <<< "$dead_letters"
if compose logs api 2>&1 | grep -E 'AuthorizationException|Stopped reading'; then
  echo "the API was refused something by its ACLs, or stopped reading a topic" >&2; exit 1
fi
echo "compose smoke run done after $(( SECONDS - start )) s"
