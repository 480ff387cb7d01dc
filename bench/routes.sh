#!/usr/bin/env bash
# Does routing cost grow with the catalog? In one run on one machine: GetResident through the gateway with the
# seeded catalog (about 10 published resources), then with N more published resources (default 10,000, each its
# own gRPC service, never called), published one by one while the gateway runs (how many route rebuilds and how
# much gateway CPU that costs), and how long a restart onto the large catalog takes. Prints both and the ratio.
#
#   bench/routes.sh                    10 s per measurement at concurrency 1 and 16, 10,000 extra resources
#   BENCH_QUICK=1 bench/routes.sh      2 s per measurement, 2,000 extra resources
#
# Settings (environment): BENCH_DURATION, BENCH_WARMUP (s), BENCH_CONCURRENCY ("1 16"), BENCH_RESOURCES,
#   BENCH_NO_BUILD=1, BENCH_STATE (default .data/bench-routes; wiped at start), BENCH_START_WAIT (s for each service to report
#   SERVING, default 300: a loaded machine starts slowly).
# Uses the port map's 7000-7003 and 7011-7013 shifted by BENCH_PORT_OFFSET (default 1500), as bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  duration=${BENCH_DURATION:-2}; warmup=${BENCH_WARMUP:-0.5}; resources=${BENCH_RESOURCES:-2000}
else
  duration=${BENCH_DURATION:-10}; warmup=${BENCH_WARMUP:-2}; resources=${BENCH_RESOURCES:-10000}
fi
concurrencies=${BENCH_CONCURRENCY:-"1 16"}
state=${BENCH_STATE:-$(pwd)/.data/bench-routes}
began=$(date +%s)

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  echo "Building Exchange and the benchmarks (Release)..."
  dotnet build Exchange.sln -c Release -nologo -v q -clp:ErrorsOnly
fi
# shellcheck source=bench/common.sh
. bench/common.sh
require_free_ports $(for p in 7000 7001 7002 7003 7011 7012 7013; do port $p; done)

start_gateway() {
  start gateway "$(dll gateway/Exchange.Gateway Exchange.Gateway)" "$gateway_secret" $(gateway_env) Redis__Configuration= \
    RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=10000000 ExchangeContext__KeyRefreshInterval=00:00:02
  pid_gateway=$started
  "${cli[@]}" health --wait "${BENCH_START_WAIT:-300}" "$gateway_url" >>"$logs/health.log" 2>&1 || { cat "$logs/health.log" >&2; exit 1; }
  wait_gateway_answers "$gateway_url"
}
measure() { # label
  for c in $concurrencies; do
    line=$(load_result $(( duration + 40 )) run --data "$data" --target "$gateway_url" --method resident \
      --auth token --concurrency "$c" --warmup "$warmup" --duration "$duration" --pid "$pid_gateway" --label "$1")
    field() { result_field "$1" "$line"; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$c" "$(field rps)" "$(field p50_ms)" "$(field p99_ms)" "$(field errors)" "$(field rss_peak_mb)" >>"$state/results.tsv"
    printf '  %-6s c=%-3s %8s req/s, p50 %s ms, p99 %s ms, %s errors, gateway RSS %s MB\n' "$1" "$c" "$(field rps)" "$(field p50_ms)" "$(field p99_ms)" "$(field errors)" "$(field rss_peak_mb)"
  done
}

echo "Starting Exchange in $state..."
start_departments
"${cli[@]}" health --wait "${BENCH_START_WAIT:-300}" "$public_security_url" "$market_regulation_url" "$civil_affairs_url" "$catalog_grpc" >"$logs/health.log" 2>&1 \
  || { cat "$logs/health.log" >&2; exit 1; }
start_gateway
printf 'catalog\tconcurrency\trps\tp50_ms\tp99_ms\terrors\trss_peak_mb\n' >"$state/results.tsv"
echo "Warming the gateway up (5 s at concurrency 16, not counted)..."
load_result 40 run --data "$data" --target "$gateway_url" --method resident --auth token --concurrency 16 \
  --warmup 0 --duration 5 --label warm-up >/dev/null
echo "Seeded catalog: measuring ${duration}s per run after ${warmup}s warm-up..."
measure small

# The gateway keeps running while the resources are published one by one, as in real use: it follows every change
# through its watch stream and rebuilds its routes in the background, several changes per rebuild.
echo "Publishing $resources more resources while the gateway runs..."
route_builds() { grep -c 'Routes for catalog revision' "$logs/gateway.log" || true; }
builds_before=$(route_builds); cpu_before=$(cpu_seconds "$pid_gateway"); filled=$(date +%s)
"${load[@]}" fill --data "$data" --catalog "$catalog_grpc" --count "$resources" 2> >(tee -a "$logs/load.log" | grep -E '000/|published in' >&2)
published=$(date +%s)
# Caught up once no rebuild has been logged for 3 s.
builds=$(route_builds)
while sleep 3; [ "$(route_builds)" != "$builds" ]; do builds=$(route_builds); done
caught_up=$(( $(date +%s) - 3 ))
builds=$(( $(route_builds) - builds_before ))
cpu_used=$(awk -v a="$cpu_before" -v b="$(cpu_seconds "$pid_gateway")" 'BEGIN { printf "%.1f", b - a }')
echo "Published in $(( published - filled )) s; the gateway caught up $(( caught_up > published ? caught_up - published : 0 )) s later" \
  "after $builds route rebuilds for $resources changes, using $cpu_used s of CPU. Measuring..."
measure large
restarted=$(date +%s)
kill "$pid_gateway"; wait "$pid_gateway" 2>/dev/null || true
start_gateway
echo "A gateway restarted on the large catalog serves $(( $(date +%s) - restarted )) s after the restart began."

echo
echo "Routing with a large catalog — $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); GetResident through the gateway, load generator, one HTTP/2 connection"
awk -F'\t' -v extra="$resources" '
  NR == 1 { next }
  { rps[$1, $2] = $3; p50[$1, $2] = $4; rss[$1, $2] = $7; cs[$2] = 1 }
  END {
    printf "\n%4s %14s %14s %8s %16s %16s\n", "c", "seeded req/s", "+" extra " req/s", "ratio", "seeded p50 ms", "large p50 ms"
    for (c in cs) printf "%4s %14.0f %14.0f %8.2f %16s %16s\n", c, rps["small", c], rps["large", c], (rps["small", c] > 0 ? rps["large", c] / rps["small", c] : 0), p50["small", c], p50["large", c]
  }' "$state/results.tsv"
echo "Finished in $(( $(date +%s) - began )) s."
