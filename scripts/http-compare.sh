#!/usr/bin/env bash
# Side-by-side HTTP throughput and latency: Kite and every installed peer on
# the same endpoint, the server pinned to CPU 0 and wrk to CPU 1, keep-alive,
# in interleaved rounds (kite node deno bun nginx floor, kite node ...), medians
# reported. floor (kite-floor) is the cheapest server there is: wrk's ceiling.
# Loopback only; every run is bounded by its duration.
#
#   scripts/http-compare.sh [--rounds 3] [--duration 10s] [--connections 50]
#                           [--path /api/health] [--kite build/release/runtime/kite]
#                           [--servers kite,node,deno,bun,nginx,floor]
# Output: a Markdown table (req/s, p50, p99, peak RSS, ratio vs Kite) on stdout.
# Each server gets a port nothing answers on yet: a server left running by
# someone else would otherwise answer in place of ours (which then fails to
# bind and exits, and its RSS reads as 0).
set -uo pipefail
cd "$(dirname "$0")/.."
rounds=3
duration=10s
conns=50
path=/api/health
kite=build/release/runtime/kite
floor=build/release/harness/src/floor/kite-floor
servers=kite,node,deno,bun,nginx,floor
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) conns=$2; shift 2 ;;
    --path) path=$2; shift 2 ;;
    --kite) kite=$2; shift 2 ;;
    --servers) servers=$2; shift 2 ;;
    *) echo "http-compare: unknown option $1" >&2; exit 2 ;;
  esac
done
export PATH="$PWD/build/peers/node_modules/.bin:$PATH"
command -v wrk >/dev/null || { echo "http-compare: wrk missing (scripts/setup.sh --load)" >&2; exit 2; }
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM
: > "$tmp/results"

port=19480
peers=()
for name in kite node deno bun nginx floor; do
  case ",$servers," in *",$name,"*) ;; *) continue ;; esac
  if [ "$name" = kite ] || { [ "$name" = floor ] && [ -x "$floor" ]; } ||
     { [ "$name" != floor ] && command -v "$name" >/dev/null; }; then
    peers+=("$name")
  else
    echo "note: $name missing, skipped" >&2
  fi
done
[ ${#peers[@]} -gt 0 ] || { echo "http-compare: --servers names none of kite,node,deno,bun,nginx,floor" >&2; exit 2; }

answers() {  # answers PORT: something accepts connections on 127.0.0.1:PORT
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

peak_rss_kb() {  # peak_rss_kb PID: largest VmHWM of PID and its children; 0 when it is gone
  local peak=0 p v
  for p in $1 $(pgrep -P "$1"); do
    v=$(awk '/^VmHWM:/ { print $2 }' "/proc/$p/status" 2>/dev/null)
    [ "${v:-0}" -gt "$peak" ] && peak=$v
  done
  echo "$peak"
}

start() {  # start NAME PORT -> sets $server_pid
  local name=$1 p=$2
  # `exec`: the backgrounded subshell becomes the server, so $! is the
  # server's pid and the kill below stops it (without it, the server outlived
  # the script).
  case "$name" in
    kite) exec taskset -c 0 "$kite" serve -q --workers 1 --port "$p" examples/handler.js ;;
    node) exec taskset -c 0 node harness/peers/node/server.js "$p" ;;
    deno) exec taskset -c 0 deno run -A harness/peers/deno/server.js "$p" ;;
    bun) exec taskset -c 0 bun harness/peers/bun/server.js "$p" ;;
    nginx) exec taskset -c 0 harness/peers/nginx/run.sh "$p" "$tmp/nginx-$p" ;;
    floor) exec taskset -c 0 "$floor" "$p" ;;
  esac >"$tmp/$name.out" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 100); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "note: $name exited during start-up: $(tail -n 1 "$tmp/$name.out")" >&2
      return 1
    fi
    curl -s -o /dev/null "http://127.0.0.1:$p$path" && return 0
    sleep 0.05
  done
  echo "note: $name did not start" >&2
  return 1
}

to_ms() {  # wrk latency "123.45us" / "1.20ms" / "2.00s" -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

for r in $(seq "$rounds"); do
  for name in "${peers[@]}"; do
    port=$((port + 1))
    while answers "$port"; do port=$((port + 1)); done
    start "$name" "$port" || continue
    # Warm-up (JITs, caches), then the measured run.
    taskset -c 1 wrk -t1 -c"$conns" -d2s "http://127.0.0.1:$port$path" >/dev/null 2>&1
    out=$(taskset -c 1 wrk -t1 -c"$conns" -d"$duration" --latency "http://127.0.0.1:$port$path" 2>&1)
    rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
    p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
    p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
    # Peak RSS of the server process tree's biggest member (kB); 0 means the
    # server died under load, and wrk measured nothing of it.
    rss=$(peak_rss_kb "$server_pid")
    if [ "$rss" -eq 0 ]; then
      echo "note: round $r: $name exited during the run: $(tail -n 1 "$tmp/$name.out"); dropped" >&2
      continue
    fi
    non2xx=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
    echo "$name $rps $p50 $p99 $rss ${non2xx:-0}" >> "$tmp/results"
    echo "round $r: $name $rps req/s p50 ${p50}ms p99 ${p99}ms rss ${rss}kB non-2xx ${non2xx:-0}" >&2
    kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null
  done
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
kite_rps=$(awk '$1 == "kite" { print $2 }' "$tmp/results" | median)
echo "| server | req/s (median of $rounds) | p50 ms | p99 ms | peak RSS MB | Kite / server |"
echo "|---|---|---|---|---|---|"
for name in "${peers[@]}"; do
  grep -q "^$name " "$tmp/results" || continue
  rps=$(awk -v n="$name" '$1 == n { print $2 }' "$tmp/results" | median)
  p50=$(awk -v n="$name" '$1 == n { print $3 }' "$tmp/results" | median)
  p99=$(awk -v n="$name" '$1 == n { print $4 }' "$tmp/results" | median)
  rss=$(awk -v n="$name" '$1 == n { print $5 }' "$tmp/results" | median)
  awk -v n="$name" -v r="$rps" -v a="$p50" -v b="$p99" -v m="$rss" -v k="$kite_rps" \
    'BEGIN { printf "| %s | %.0f | %.3f | %.3f | %.1f | %.2fx |\n", n, r, a, b, m / 1024, (r > 0 ? k / r : 0) }'
done
echo
echo "path $path, wrk -t1 -c$conns -d$duration, server on CPU 0, wrk on CPU 1, $(nproc) cores, $(date -u +%F)"
