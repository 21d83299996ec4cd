#!/bin/bash
# Latency probe used for docs/PERFORMANCE.md: one client, 40 sequential cross-partition select-resource calls and
# 20 creates against a local service on :8080 started with --reservations.security.enabled=false; prints p50 and max.
c() { curl -s -o /dev/null "$@"; }
c -X POST localhost:8080/windows -H 'Content-Type: application/json' -d '{"id":"lw","resources":['$(python3 -c "print(','.join('{\"id\":\"s%d\",\"type\":\"seat\"}'%i for i in range(60)))")']}'
for i in $(seq 1 40); do c -X POST localhost:8080/reservations -H 'Content-Type: application/json' -d "{\"id\":\"lr$i\",\"window_id\":\"lw\"}"; done
for i in $(seq 1 40); do curl -s -o /dev/null -w "%{time_total}\n" -X POST localhost:8080/reservations/lr$i/select-resource -H 'Content-Type: application/json' -d '{"resource_type":"seat"}'; done | sort -n | awk '{a[NR]=$1} END {print "p50", a[int(NR/2)], "max", a[NR]}'
for i in $(seq 1 20); do curl -s -o /dev/null -w "%{time_total}\n" -X POST localhost:8080/reservations -H 'Content-Type: application/json' -d "{\"window_id\":\"lw\"}"; done | sort -n | awk '{a[NR]=$1} END {print "create p50", a[int(NR/2)], "max", a[NR]}'
