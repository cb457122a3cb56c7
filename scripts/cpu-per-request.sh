#!/bin/bash
# CPU time (user + system) the server process listening on a port spends per request, with requests sent one at
# a time by curl (20 unrecorded first). Linux only (/proc). Used for the cost of a cache miss in
# docs/benchmarks.md: run it against a server started with RESPONSE_CACHE_MB=0.
# Usage: scripts/cpu-per-request.sh <port> <path> [count=100]
set -euo pipefail
port=$1
path=$2
count=${3:-100}
pid=$(ss -ltnp | grep ":$port " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
tick=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
for _ in $(seq 1 20); do curl -s -o /dev/null "http://127.0.0.1:$port$path"; done
before=$(cpu_ticks)
started=$(date +%s.%N)
for _ in $(seq 1 "$count"); do curl -s -o /dev/null "http://127.0.0.1:$port$path"; done
after=$(cpu_ticks)
ended=$(date +%s.%N)
echo "$path: $(echo "scale=2; ($after - $before) * 1000 / $tick / $count" | bc) ms CPU per request," \
  "$(echo "scale=1; ($ended - $started) * 1000 / $count" | bc) ms wall (n=$count, load $(cut -d' ' -f1 /proc/loadavg))"
