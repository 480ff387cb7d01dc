#!/usr/bin/env bash
# Benchmarks Exchange on this machine, in one go: the same unary gRPC call at concurrency 1, 16 and 64 against
#   direct   the adapter itself (TLS with the gateway's client certificate, a fresh exchange context per call)
#   gateway  the Exchange gateway (token, routing, case metadata, grants, rate limiter, context sealing, audit)
#   bare     a bare YARP proxy to the adapter (bench/Exchange.Bench.BareProxy): the floor of a YARP gateway
#   nginx    nginx grpc_pass to the adapter (upstream keepalive)
# Every hop is TLS (the bench's own exchange CA in $BENCH_STATE/.data/pki); the proxies reach the adapter with the
# gateway's client certificate, as the gateway does. One client measures all four targets: bench/Exchange.Bench.Load
# (throughput, latency percentiles, the target's RSS, and the CPU per call of the proxy and of the adapter from
# /proc/<pid>/stat). h2load is no longer used: an exchange context is good for one call, and h2load repeats one
# request; see docs/benchmarks.md. Prints one table; every process it starts is stopped on exit. Loopback only.
#
#   bench/run.sh                    full run (10 s per measurement, GetResident and GetEnterprise), ~15 minutes
#   BENCH_QUICK=1 bench/run.sh      quick run (2 s per measurement, GetResident only), under 2 minutes
#
# Settings (environment): BENCH_DURATION (s, each measurement), BENCH_WARMUP (s),
#   BENCH_CONCURRENCY ("1 16 64"), BENCH_METHODS ("resident enterprise"), BENCH_NO_BUILD=1 (use the existing
#   Release build), BENCH_STATE (state directory, default .data/bench; wiped at start), BENCH_RESULTS (TSV file
#   to keep the raw figures in), BENCH_START_WAIT (s to wait for every service to report SERVING, default 300: a
#   loaded machine starts slowly), BENCH_BINARIES (a copy of the Release output tree to run instead of this one's),
#   BENCH_TARGETS ("direct gateway bare nginx"; a subset for a focused A/B or a profile, see bench/profile.sh),
#   BENCH_AUDIT_STORE=memory (the gateway's audit store in /dev/shm: NOT durable, an experiment only, to tell what the
#   durable commit costs a call from what the rest of the gateway costs; docs/benchmarks.md, eighth pass).
# Uses the port map's 7000-7003 and 7011-7013 (Exchange) and 7020-7022 (bare proxies, nginx), each shifted by
# BENCH_PORT_OFFSET (default 1500: 8500-8522), so it runs beside the AppHost, scripts/run.sh and a test run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=Release

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  duration=${BENCH_DURATION:-2}; warmup=${BENCH_WARMUP:-0.5}; methods=${BENCH_METHODS:-resident}; warm_all=2
else
  duration=${BENCH_DURATION:-10}; warmup=${BENCH_WARMUP:-2}; methods=${BENCH_METHODS:-"resident enterprise"}; warm_all=5
fi
# The services are warmed up once at the start (warm_all seconds per target and method at concurrency 16);
# each measurement then has its own warm-up of warmup seconds.
began=$(date +%s)
concurrencies=${BENCH_CONCURRENCY:-"1 16 64"}
state=${BENCH_STATE:-$root/.data/bench}
read -ra targets <<<"${BENCH_TARGETS:-direct gateway bare nginx}"

for tool in dotnet nginx; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (apt-get install -y nginx)" >&2; exit 1; }
done
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  echo "Building Exchange and the benchmarks ($configuration)..."
  dotnet build Exchange.sln -c "$configuration" -nologo -v q -clp:ErrorsOnly
fi
# shellcheck source=bench/common.sh
. bench/common.sh
require_free_ports $(for p in 7000 7001 7002 7003 7011 7012 7013 7020 7021 7022; do port $p; done)
mkdir -p "$state/nginx"
results=$(mktemp "${TMPDIR:-/tmp}/exchange-bench.XXXXXX.tsv")
on_exit() {
  if [ -n "${BENCH_RESULTS:-}" ]; then cp "$results" "$BENCH_RESULTS"; fi
  rm -f "$results"
}

echo "Starting Exchange in $state (seeding the stores takes a few seconds)..."
start_departments
echo "$pid_direct_resident" >"$state/direct.pid"  # the public security adapter, for bench/profile.sh
# Rate limiting stays on (the limiter runs on every call) with a limit the benchmark does not reach; the providers'
# context keys are fetched every 2 s, so the gateway has them soon after the adapters publish them at start.
start gateway "$(dll gateway/Exchange.Gateway Exchange.Gateway)" \
  "$gateway_secret" $(gateway_env) \
  RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=10000000 ExchangeContext__KeyRefreshInterval=00:00:02 Redis__Configuration= \
  "$(audit_store_env gateway)"
pid_gateway=$started
echo "$pid_gateway" >"$state/gateway.pid"  # for bench/profile.sh
start bare-resident "$(dll bench/Exchange.Bench.BareProxy exchange-bench-bareproxy)" -- --pki "$pki" --listen "$(address 7020)" --destination "$public_security_url"
pid_bare_resident=$started
echo "$pid_bare_resident" >"$state/bare.pid"  # for bench/profile.sh
start bare-enterprise "$(dll bench/Exchange.Bench.BareProxy exchange-bench-bareproxy)" -- --pki "$pki" --listen "$(address 7022)" --destination "$market_regulation_url"
pid_bare_enterprise=$started

# nginx as a gRPC proxy: HTTP/2 over TLS in, grpc_pass over TLS out (the gateway's client certificate, the adapter's
# certificate verified against the bench CA by its name) over a keepalive pool (nginx opens one upstream connection
# per concurrent stream; it does not multiplex upstream, and keepalive keeps TLS handshakes off the measurement).
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
  upstream public_security { server 127.0.0.1:$(port 7011); keepalive 128; keepalive_requests 1000000; keepalive_timeout 300s; }
  upstream market_regulation { server 127.0.0.1:$(port 7012); keepalive 128; keepalive_requests 1000000; keepalive_timeout 300s; }
  server {
    listen 127.0.0.1:$(port 7021) ssl http2;
    ssl_certificate $pki/bench-proxy.crt;
    ssl_certificate_key $pki/bench-proxy.key;
    keepalive_requests 1000000;
    keepalive_timeout 300s;
    http2_max_concurrent_streams 256;
    grpc_ssl_certificate $pki/exchange-gateway.crt;
    grpc_ssl_certificate_key $pki/exchange-gateway.key;
    grpc_ssl_trusted_certificate $pki/ca.crt;
    grpc_ssl_verify on;
    grpc_ssl_session_reuse on;
    location /exchange.marketregulation.v1.EnterpriseService/ { grpc_ssl_name market-regulation; grpc_pass grpcs://market_regulation; }
    location / { grpc_ssl_name public-security; grpc_pass grpcs://public_security; }
  }
}
NGINX
nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" &
pid_nginx=$!
pids+=("$pid_nginx")

echo "Waiting until every service reports SERVING..."
if ! "${cli[@]}" health --wait "${BENCH_START_WAIT:-300}" "$public_security_url" "$market_regulation_url" "$civil_affairs_url" "$catalog_grpc" "$gateway_url" \
    "$(address 7020)" "$(address 7022)" "$(address 7021)" >"$logs/health.log" 2>&1; then
  cat "$logs/health.log" >&2
  echo "error: not every service became healthy; see the logs in $logs" >&2
  exit 1
fi

url() { # target method
  case "$1/$2" in
    direct/resident) echo "$public_security_url" ;;
    direct/enterprise) echo "$market_regulation_url" ;;
    gateway/*) echo "$gateway_url" ;;
    bare/resident) address 7020 ;;
    bare/enterprise) address 7022 ;;
    nginx/*) address 7021 ;;
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
# The load generator's arguments for a target: the gateway gets a civil-affairs token and case metadata; the others a
# fresh exchange context per call, sealed with the provider's context key (the adapter refuses a context it has
# seen), and the direct call presents the gateway's client certificate (the proxies present it themselves).
auth_of() { # target
  case "$1" in
    gateway) echo --auth token ;;
    direct) echo --auth context --client-certificate exchange-gateway ;;
    *) echo --auth context ;;
  esac
}
# CPU per call of the target (the proxy; for direct, none) and of the adapter behind it: NAME=PID[+PID] for --cpu.
cpu_of() { # target method
  local adapter
  adapter=$(pid_of direct "$2")
  case "$1" in
    direct) echo "adapter=$adapter" ;;
    nginx) echo "proxy=$(pid_of nginx "$2" | tr , +),adapter=$adapter" ;;
    *) echo "proxy=$(pid_of "$1" "$2"),adapter=$adapter" ;;
  esac
}
load_run() { # target method concurrency warm-up duration [label]
  # shellcheck disable=SC2046
  load_result $(( ${4%.*} + ${5%.*} + 100 )) run --data "$data" --target "$(url "$1" "$2")" --method "$2" $(auth_of "$1") \
    --concurrency "$3" --warmup "$4" --duration "$5" --pid "$(pid_of "$1" "$2")" --cpu "$(cpu_of "$1" "$2")" --label "${6:-$1}"
}

wait_gateway_answers "$(url gateway resident)"

for method in $methods; do
  for target in "${targets[@]}"; do
    # Warm-up (JIT, connection pools, TLS sessions, SQLite caches) before anything is measured; the first call of a
    # run fails it loudly if the target does not answer with status OK.
    load_run "$target" "$method" 16 0 "$warm_all" "warm-$target" >/dev/null
  done
done

printf 'method\ttarget\tconcurrency\tload_rps\tmean_ms\tp50_ms\tp90_ms\tp99_ms\tp999_ms\terrors\trss_mb\trss_peak_mb\tcpu_proxy_us\tcpu_adapter_us\n' >"$results"
runs=$(( $(wc -w <<<"$methods") * $(wc -w <<<"$concurrencies") * ${#targets[@]} ))
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Ready after $(( $(date +%s) - began )) s (load average $load_before). Measuring: $runs combinations x (${warmup}s warm-up + ${duration}s)..."
for method in $methods; do
  for c in $concurrencies; do
    for target in "${targets[@]}"; do
      line=$(load_run "$target" "$method" "$c" "$warmup" "$duration")
      field() { result_field "$1" "$line"; }
      proxy_us=$(field cpu_us_proxy); proxy_us=${proxy_us:--}
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$method" "$target" "$c" \
        "$(field rps)" "$(field mean_ms)" "$(field p50_ms)" "$(field p90_ms)" "$(field p99_ms)" "$(field p999_ms)" "$(field errors)" \
        "$(field rss_mb)" "$(field rss_peak_mb)" "$proxy_us" "$(field cpu_us_adapter)" >>"$results"
      printf '  %-10s %-8s c=%-3s %6s req/s, p50 %s ms, p99 %s ms, %s errors, CPU/call proxy %s µs, adapter %s µs\n' \
        "$method" "$target" "$c" "$(field rps)" "$(field p50_ms)" "$(field p99_ms)" "$(field errors)" "$proxy_us" "$(field cpu_us_adapter)"
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "Exchange benchmark — $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "measurement ${duration}s after ${warmup}s warm-up; one HTTP/2 connection over TLS per run; one client (the .NET load generator) for every target"
echo "load average (1, 5, 15 min) before the measurements $load_before, after $load_after: the figures are ratios within this one run"
awk -F'\t' '
  NR == 1 { next }
  { rps[$1, $2, $3] = $4; row[NR] = $0 }
  END {
    printf "\n%-10s %-8s %4s %9s %8s %8s %8s %8s %8s %8s %8s %6s %8s %10s %12s\n", "method", "target", "c", "req/s", "x direct", "x bare", "mean ms", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "errors", "RSS MB", "proxy µs/call", "adapter µs/call"
    for (i = 2; i <= NR; i++) {
      split(row[i], f, "\t")
      d = rps[f[1], "direct", f[3]]; b = rps[f[1], "bare", f[3]]
      printf "%-10s %-8s %4s %9s %8.2f %8.2f %8s %8s %8s %8s %8s %6s %8s %10s %12s\n", f[1], f[2], f[3], f[4], (d > 0 ? f[4] / d : 0), (b > 0 ? f[4] / b : 0), f[5], f[6], f[7], f[8], f[9], f[10], f[12], f[13], f[14]
    }
  }' "$results"
echo "proxy µs/call: CPU of the gateway, bare proxy or nginx (master and workers) per call; adapter µs/call: CPU of the"
echo "adapter behind it per call (user + system from /proc/<pid>/stat over the measured window)"

echo
echo "Added latency at concurrency 1 (load generator, against the direct call):"
awk -F'\t' '
  NR == 1 { next }
  $3 == 1 { mean[$1, $2] = $5; p50[$1, $2] = $6; methods[$1] = 1 }
  END {
    for (m in methods)
      for (t = 1; t <= 3; t++) {
        split("gateway bare nginx", names, " "); n = names[t]
        printf "  %-10s %-8s %+.3f ms mean, %+.3f ms p50\n", m, n, mean[m, n] - mean[m, "direct"], p50[m, n] - p50[m, "direct"]
      }
  }' "$results"
awk -F'\t' 'NR > 1 && $2 == "gateway" && $12 + 0 > peak { peak = $12 } END { printf "\nGateway working set: peak %.1f MB over the runs (VmRSS sampled every 250 ms)\n", peak }' "$results"
if [ -n "${BENCH_RESULTS:-}" ]; then echo "Raw figures: $BENCH_RESULTS"; fi
echo "Finished in $(( $(date +%s) - began )) s."
