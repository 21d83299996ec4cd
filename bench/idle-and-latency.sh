#!/bin/bash
# The local service on a fresh data directory: its CPU while idle (cores over 30 s, from 20 s after ready), then
# 200 sequential select-resource calls with curl after 220 creates (p50/p90 of the client's total time).
# The idle CPU is also given by thread, its name's digits dropped (kafka-producer-network-thread | x-1 -> one group).
# usage: bench/idle-and-latency.sh <service jar> <label> [service JVM options...]
jar=$1; label=$2; shift 2
d=/tmp/lat-$label; rm -rf $d; mkdir -p $d
java -Xmx2g "$@" -jar $jar --server.port=18282 --reservations.data-dir=$d/data --reservations.kafka.local-port=19292 > $d/log 2>&1 &
pid=$!
for i in $(seq 120); do grep -q 'service ready' $d/log && break; sleep 1; done
TOKEN=$(cat $d/data/admin-token); A="Authorization: Bearer $TOKEN"; J='Content-Type: application/json'; U=localhost:18282
# per thread: its name (field 2, may hold spaces) and utime+stime (fields 14, 15 after the name)
threads() { for t in /proc/$pid/task/*; do s=$(cat $t/stat 2>/dev/null) || continue; n=${s#*(}; n=${n%)*}; f=(${s##*) });
  echo "${t##*/}|$n|$(( ${f[11]} + ${f[12]} ))"; done; }
sleep ${IDLE_AFTER_READY:-20}; t1=$(awk '{print $14+$15}' /proc/$pid/stat); threads > $d/threads1; sleep 30
t2=$(awk '{print $14+$15}' /proc/$pid/stat); threads > $d/threads2
echo "$label idle cores: $(echo "scale=3; ($t2-$t1)/100/30" | bc)"
awk -F'|' 'NR==FNR {before[$1]=$3; next} {g=$2; gsub(/[0-9]+/, "", g); used[g]+=$3-before[$1]}
  END {for (g in used) if (used[g] > 0) printf "  %5.1f %% of a core  %s\n", used[g]/30, g}' $d/threads1 $d/threads2 | sort -rn
res=$(python3 -c "print(','.join('{\"id\":\"s%d\",\"type\":\"seat\"}'%i for i in range(300)))")
curl -s -o /dev/null -X POST $U/windows -H "$A" -H "$J" -d "{\"id\":\"wl\",\"resources\":[$res]}"
for i in $(seq 0 219); do curl -s -o /dev/null -X POST $U/reservations -H "$A" -H "$J" -d "{\"id\":\"rl$i\",\"window_id\":\"wl\"}"; done
for i in $(seq 0 219); do curl -s -o /dev/null -w '%{time_total}\n' -X POST $U/reservations/rl$i/select-resource -H "$A" -H "$J" -d '{"resource_type":"seat"}'; done | tail -200 | sort -n > $d/lat
echo "$label select p50 ms: $(awk 'NR==100{print $1*1000}' $d/lat)  p90 ms: $(awk 'NR==180{print $1*1000}' $d/lat)"
kill $pid; wait $pid 2>/dev/null
