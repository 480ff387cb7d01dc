#!/usr/bin/env bash
# Benchmarks Exchange on this machine, in one go: the same unary gRPC call at concurrency 1, 16 and 64 against
#   direct   the adapter itself (with an exchange context signed by the gateway's key)
#   gateway  the Exchange gateway (token, routing, case metadata, grants, rate limiter, context signing, audit)
#   bare     a bare YARP proxy to the adapter (bench/Exchange.Bench.BareProxy): the floor of a YARP gateway
#   nginx    nginx grpc_pass to the adapter (upstream keepalive)
# h2load measures raw throughput; bench/Exchange.Bench.Load measures latency percentiles and the target's RSS.
# Prints one table; every process it starts is stopped on exit. Loopback only.
#
#   bench/run.sh                    full run (10 s per measurement, GetResident and GetEnterprise), ~15 minutes
#   BENCH_QUICK=1 bench/run.sh      quick run (2 s per measurement, GetResident only), under 2 minutes
#
# Settings (environment): BENCH_DURATION (s, each h2load and load-generator measurement), BENCH_WARMUP (s),
#   BENCH_CONCURRENCY ("1 16 64"), BENCH_METHODS ("resident enterprise"), BENCH_NO_BUILD=1 (use the existing
#   Release build), BENCH_STATE (state directory, default .data/bench; wiped at start), BENCH_RESULTS (TSV file
#   to keep the raw figures in).
# Uses fixed ports 7000-7003 and 7011-7013 (Exchange, as scripts/run.sh), 7020-7022 (bare proxies, nginx):
# stop scripts/run.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=Release

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  duration=${BENCH_DURATION:-2}; warmup=${BENCH_WARMUP:-0.5}; methods=${BENCH_METHODS:-resident}; warm_all=2; h2warmup=0
else
  duration=${BENCH_DURATION:-10}; warmup=${BENCH_WARMUP:-2}; methods=${BENCH_METHODS:-"resident enterprise"}; warm_all=5; h2warmup=1
fi
# The services are warmed up once at the start (warm_all seconds per target and method, h2load at concurrency 16);
# each measurement then has its own warm-up: h2warmup seconds for h2load, warmup for the load generator.
began=$(date +%s)
concurrencies=${BENCH_CONCURRENCY:-"1 16 64"}
state=${BENCH_STATE:-$root/.data/bench}
targets=(direct gateway bare nginx)

for tool in dotnet h2load nghttp nginx; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (apt-get install -y nginx nghttp2-client)" >&2; exit 1; }
done
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  echo "Building Exchange and the benchmarks ($configuration)..."
  dotnet build Exchange.sln -c "$configuration" -nologo -v q -clp:ErrorsOnly
fi
# shellcheck source=bench/common.sh
. bench/common.sh
require_free_ports 7000 7001 7002 7003 7011 7012 7013 7020 7021 7022
mkdir -p "$state/nginx" "$state/h2load"
results=$(mktemp "${TMPDIR:-/tmp}/exchange-bench.XXXXXX.tsv")
on_exit() {
  if [ -n "${BENCH_RESULTS:-}" ]; then cp "$results" "$BENCH_RESULTS"; fi
  rm -f "$results"
}

echo "Starting Exchange in $state (seeding the stores takes a few seconds)..."
start_departments
# Rate limiting stays on (the limiter runs on every call) with a limit the benchmark does not reach.
start gateway "$(dll gateway/Exchange.Gateway Exchange.Gateway)" \
  "$gateway_secret" \
  RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=10000000 Redis__Configuration=
pid_gateway=$started
start bare-resident "$(dll bench/Exchange.Bench.BareProxy exchange-bench-bareproxy)" -- --listen http://127.0.0.1:7020 --destination http://127.0.0.1:7011
pid_bare_resident=$started
start bare-enterprise "$(dll bench/Exchange.Bench.BareProxy exchange-bench-bareproxy)" -- --listen http://127.0.0.1:7022 --destination http://127.0.0.1:7012
pid_bare_enterprise=$started

# nginx as a gRPC proxy: HTTP/2 in, grpc_pass out over a keepalive pool (nginx opens one upstream connection
# per concurrent stream; it does not multiplex upstream).
prefix="$state/nginx"
cat >"$prefix/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $prefix/nginx.pid;
error_log $prefix/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $prefix/client_body;
  proxy_temp_path $prefix/proxy;
  fastcgi_temp_path $prefix/fastcgi;
  uwsgi_temp_path $prefix/uwsgi;
  scgi_temp_path $prefix/scgi;
  upstream public_security { server 127.0.0.1:7011; keepalive 128; keepalive_requests 1000000; keepalive_timeout 300s; }
  upstream market_regulation { server 127.0.0.1:7012; keepalive 128; keepalive_requests 1000000; keepalive_timeout 300s; }
  server {
    listen 127.0.0.1:7021 http2;
    keepalive_requests 1000000;
    keepalive_timeout 300s;
    http2_max_concurrent_streams 256;
    location /exchange.marketregulation.v1.EnterpriseService/ { grpc_pass grpc://market_regulation; }
    location / { grpc_pass grpc://public_security; }
  }
}
NGINX
nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" &
pid_nginx=$!
pids+=("$pid_nginx")

echo "Waiting until every service reports SERVING..."
if ! "${cli[@]}" health --wait 120 http://127.0.0.1:7011 http://127.0.0.1:7012 http://127.0.0.1:7013 http://127.0.0.1:7001 http://127.0.0.1:7000 \
    http://127.0.0.1:7020 http://127.0.0.1:7022 http://127.0.0.1:7021 >"$logs/health.log" 2>&1; then
  cat "$logs/health.log" >&2
  echo "error: not every service became healthy; see the logs in $logs" >&2
  exit 1
fi

url() { # target method
  case "$1/$2" in
    direct/resident) echo http://127.0.0.1:7011 ;;
    direct/enterprise) echo http://127.0.0.1:7012 ;;
    gateway/*) echo http://127.0.0.1:7000 ;;
    bare/resident) echo http://127.0.0.1:7020 ;;
    bare/enterprise) echo http://127.0.0.1:7022 ;;
    nginx/*) echo http://127.0.0.1:7021 ;;
  esac
}
pid_of() { # target method
  case "$1" in
    direct) eval echo "\$pid_direct_$2" ;;
    gateway) echo "$pid_gateway" ;;
    bare) eval echo "\$pid_bare_$2" ;;
    nginx) echo "$pid_nginx$(ps -o pid= --ppid "$pid_nginx" | tr -d ' ' | sed 's/^/,/' | tr -d '\n')" ;;  # master and workers
  esac
}
grpc_path() {
  case "$1" in
    resident) echo /exchange.publicsecurity.v1.PopulationService/GetResident ;;
    enterprise) echo /exchange.marketregulation.v1.EnterpriseService/GetEnterprise ;;
  esac
}
# h2load headers: the gateway gets a civil-affairs token (renewed after 4 minutes, tokens live 5) and case metadata;
# the others a context signed with the gateway's key, valid for the whole run (the adapter checks signature,
# expiry, method and provider on every call all the same).
token= token_time=0
declare -A contexts
headers=()
set_headers() { # target method: sets $headers (h2load/nghttp -H arguments)
  if [ "$1" = gateway ]; then
    if [ $(( $(date +%s) - token_time )) -gt 240 ]; then
      token=$("${load[@]}" token --data "$data" --client civil-affairs)
      token_time=$(date +%s)
    fi
    headers=(-H "authorization: Bearer $token" -H "x-exchange-case: BENCH-2026-0001"
      -H "x-exchange-purpose: %E6%80%A7%E8%83%BD%E5%9F%BA%E5%87%86%E6%B5%8B%E8%AF%95")
  else
    if [ -z "${contexts[$2]:-}" ]; then
      contexts[$2]=$("${load[@]}" context --data "$data" --method "$2" --lifetime 3600)
    fi
    headers=(-H "x-exchange-context-bin: ${contexts[$2]}")
  fi
}
h2load_run() { # target method concurrency warm-up duration output
  local warm=()
  [ "$4" -gt 0 ] && warm=(--warm-up-time="$4")
  set_headers "$1" "$2"
  timeout $(( $4 + $5 + 30 )) h2load -c 1 -m "$3" -t 1 -D "$5" "${warm[@]}" \
    -d "$state/h2load/$2.body" -H 'content-type: application/grpc' -H 'te: trailers' "${headers[@]}" \
    "$(url "$1" "$2")$(grpc_path "$2")" >"$6" 2>&1 || { cat "$6" >&2; exit 1; }
}

for method in $methods; do
  "${load[@]}" body --method "$method" --out "$state/h2load/$method.body"
  # Every target must answer the exact h2load request with grpc-status 0 (h2load itself sees only HTTP statuses).
  for target in "${targets[@]}"; do
    set_headers "$target" "$method"
    if ! nghttp -v -d "$state/h2load/$method.body" -H ':method: POST' -H 'content-type: application/grpc' -H 'te: trailers' \
        "${headers[@]}" "$(url "$target" "$method")$(grpc_path "$method")" >"$logs/preflight-$target-$method.log" 2>&1 \
        || ! grep -q 'grpc-status: 0' "$logs/preflight-$target-$method.log"; then
      echo "error: $target did not answer the h2load request of $method with grpc-status 0; see $logs/preflight-$target-$method.log" >&2
      exit 1
    fi
    # Warm-up (JIT, connection pools, SQLite caches) before anything is measured.
    h2load_run "$target" "$method" 16 0 "$warm_all" "$state/h2load/warm-$method-$target.txt"
  done
done

printf 'method\ttarget\tconcurrency\th2load_rps\th2load_data_bytes_per_req\th2load_failed\tload_rps\tmean_ms\tp50_ms\tp90_ms\tp99_ms\tp999_ms\terrors\trss_mb\trss_peak_mb\n' >"$results"
runs=$(( $(wc -w <<<"$methods") * $(wc -w <<<"$concurrencies") * ${#targets[@]} ))
echo "Ready after $(( $(date +%s) - began )) s. Measuring: $runs combinations x (h2load ${h2warmup}s warm-up + ${duration}s, load generator ${warmup}s warm-up + ${duration}s)..."
for method in $methods; do
  for c in $concurrencies; do
    for target in "${targets[@]}"; do
      address=$(url "$target" "$method")
      out="$state/h2load/$method-$target-$c.txt"
      h2load_run "$target" "$method" "$c" "$h2warmup" "$duration" "$out"
      h2_rps=$(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$out")
      h2_done=$(sed -n 's/^requests: .* \([0-9]*\) done, \([0-9]*\) succeeded, \([0-9]*\) failed.*/\2/p' "$out")
      h2_failed=$(sed -n 's/^requests: .* \([0-9]*\) done, \([0-9]*\) succeeded, \([0-9]*\) failed.*/\3/p' "$out")
      h2_data=$(sed -n 's/^traffic: .*(\([0-9]*\)) data.*/\1/p' "$out")
      per_req=$(awk -v d="${h2_data:-0}" -v n="${h2_done:-0}" 'BEGIN { printf "%.0f", (n > 0 ? d / n : 0) }')

      line=$(load_result $(( duration + 40 )) run --data "$data" --target "$address" --method "$method" \
        --auth "$([ "$target" = gateway ] && echo token || echo context)" --concurrency "$c" --warmup "$warmup" --duration "$duration" \
        --pid "$(pid_of "$target" "$method")" --label "$target")
      field() { result_field "$1" "$line"; }
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$method" "$target" "$c" "${h2_rps:-nan}" "$per_req" "${h2_failed:-nan}" \
        "$(field rps)" "$(field mean_ms)" "$(field p50_ms)" "$(field p90_ms)" "$(field p99_ms)" "$(field p999_ms)" "$(field errors)" \
        "$(field rss_mb)" "$(field rss_peak_mb)" >>"$results"
      printf '  %-10s %-8s c=%-3s h2load %8s req/s   load generator %6s req/s, p50 %s ms, p99 %s ms, %s errors\n' \
        "$method" "$target" "$c" "${h2_rps:-?}" "$(field rps)" "$(field p50_ms)" "$(field p99_ms)" "$(field errors)"
    done
  done
done

echo
echo "Exchange benchmark — $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "measurement ${duration}s (load generator after ${warmup}s warm-up); one HTTP/2 connection per client; throughput from h2load"
awk -F'\t' '
  NR == 1 { next }
  { key = $1 SUBSEP $3; rps[$1, $2, $3] = $4; row[NR] = $0; order[NR] = key }
  END {
    printf "\n%-10s %-8s %4s %10s %8s %8s %9s %8s %8s %8s %8s %8s %6s %8s\n", "method", "target", "c", "h2load/s", "x direct", "x bare", "loadgen/s", "mean ms", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "errors", "RSS MB"
    for (i = 2; i <= NR; i++) {
      split(row[i], f, "\t")
      d = rps[f[1], "direct", f[3]]; b = rps[f[1], "bare", f[3]]
      printf "%-10s %-8s %4s %10.0f %8.2f %8.2f %9s %8s %8s %8s %8s %8s %6s %8s\n", f[1], f[2], f[3], f[4], (d > 0 ? f[4] / d : 0), (b > 0 ? f[4] / b : 0), f[7], f[8], f[9], f[10], f[11], f[12], f[13] + f[6], f[15]
    }
  }' "$results"

echo
echo "Added latency at concurrency 1 (load generator, against the direct call):"
awk -F'\t' '
  NR == 1 { next }
  $3 == 1 { mean[$1, $2] = $8; p50[$1, $2] = $9; methods[$1] = 1 }
  END {
    for (m in methods)
      for (t = 1; t <= 3; t++) {
        split("gateway bare nginx", names, " "); n = names[t]
        printf "  %-10s %-8s %+.3f ms mean, %+.3f ms p50\n", m, n, mean[m, n] - mean[m, "direct"], p50[m, n] - p50[m, "direct"]
      }
  }' "$results"
echo
echo "h2load counts HTTP statuses only, and a gRPC error is HTTP 200 too: check its data bytes per request"
echo "(response messages with their 5-byte prefix; an error answer has none) against the direct call's:"
awk -F'\t' '
  NR == 1 { next }
  { k = $1 " " $2; if (!(k in lo) || $5 < lo[k]) lo[k] = $5; if ($5 > hi[k]) hi[k] = $5; if ($2 == "direct" && (!($1 in d) || $5 < d[$1])) d[$1] = $5 }
  END {
    for (k in lo) {
      split(k, p, " "); flag = (d[p[1]] > 0 && lo[k] < 0.9 * d[p[1]]) ? "   <-- fewer bytes than direct: errors?" : ""
      printf "  %-10s %-8s %s..%s data bytes/request%s\n", p[1], p[2], lo[k], hi[k], flag
    }
  }' "$results" | sort
awk -F'\t' 'NR > 1 && $2 == "gateway" && $15 + 0 > peak { peak = $15 } END { printf "\nGateway working set: peak %.1f MB over the runs (VmRSS sampled every 250 ms)\n", peak }' "$results"
if [ -n "${BENCH_RESULTS:-}" ]; then echo "Raw figures: $BENCH_RESULTS"; fi
echo "Finished in $(( $(date +%s) - began )) s."
