#!/usr/bin/env bash
# Benchmarks the e-licence lookups, in one go on one machine, with a real redis-server:
#   Verify and ListByHolder through a gateway with the Redis cache warm, against a gateway whose cache entries
#   live 1 ms (every call asks the issuer): throughput and latency at concurrency 1 and 16, and the ratio;
#   revocation propagation: N revocations through gateway A, each checked at once at gateway B, which had the
#   licence cached as valid (median and max).
#
#   bench/licences.sh                 full run (10 s per measurement, 100 revocations), about 3 minutes
#   BENCH_QUICK=1 bench/licences.sh   quick run (2 s per measurement, 20 revocations), under a minute after the build
#
# Settings (environment): BENCH_DURATION, BENCH_WARMUP (s), BENCH_CONCURRENCY ("1 16"), BENCH_REVOCATIONS,
#   BENCH_NO_BUILD=1, BENCH_STATE (default .data/bench-licences; wiped at start), BENCH_START_WAIT (s for each service to report
#   SERVING, default 300: a loaded machine starts slowly), BENCH_AUDIT_STORE=memory (each gateway's audit store in /dev/shm:
#   NOT durable, an experiment only, as in bench/run.sh).
# Uses the port map's 7000-7007, 7011-7013 and 7379 shifted by BENCH_PORT_OFFSET (default 1500), as bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  duration=${BENCH_DURATION:-2}; warmup=${BENCH_WARMUP:-0.5}; revocations=${BENCH_REVOCATIONS:-20}
else
  duration=${BENCH_DURATION:-10}; warmup=${BENCH_WARMUP:-2}; revocations=${BENCH_REVOCATIONS:-100}
fi
concurrencies=${BENCH_CONCURRENCY:-"1 16"}
state=${BENCH_STATE:-$(pwd)/.data/bench-licences}
began=$(date +%s)
command -v redis-server >/dev/null || { echo "error: redis-server is not installed (apt-get install -y redis-server)" >&2; exit 1; }

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  echo "Building Exchange and the benchmarks (Release)..."
  dotnet build Exchange.sln -c Release -nologo -v q -clp:ErrorsOnly
fi
# shellcheck source=bench/common.sh
. bench/common.sh
require_free_ports $(for p in 7000 7001 7002 7003 7004 7005 7006 7007 7011 7012 7013 7379; do port $p; done)

echo "Starting Redis, Exchange and three gateways in $state..."
redis-server --port "$(port 7379)" --bind 127.0.0.1 --save "" --appendonly no --daemonize no --loglevel warning >"$logs/redis.log" 2>&1 &
pids+=("$!")
start_departments
gateway() { # name grpc-port web-port [NAME=value...]
  local name=$1 grpc=$2 web=$3
  shift 3
  # Each instance its own audit log, snapshots and key paths; all fetch the providers' context keys from the catalog.
  start "$name" "$(dll gateway/Exchange.Gateway Exchange.Gateway)" "$gateway_secret" $(gateway_env "$grpc" "$web") "Redis__Configuration=127.0.0.1:$(port 7379)" \
    RateLimits__PermitsPerSecond=10000000 RateLimits__Burst=10000000 ExchangeContext__KeyRefreshInterval=00:00:02 \
    "$(audit_store_env "$name")" "Catalog__SnapshotPath=.data/$name/catalog-snapshot.pb" \
    "Catalog__GrantSnapshotPath=.data/$name/grant-snapshot.pb" "Identity__KeysPath=.data/$name/identity-keys.json" \
    "Licences__IssuerKeySnapshotPath=.data/$name/issuer-keys.pb" "$@"
}
gateway gateway-a 7000 7003
# A first, then the others (they share the catalog and Redis).
"${cli[@]}" health --wait "${BENCH_START_WAIT:-300}" "$(address 7000)" >"$logs/health.log" 2>&1 || { cat "$logs/health.log" >&2; exit 1; }
gateway gateway-b 7004 7006
# The "uncached" gateway: its entries expire after 1 ms, under their own key prefix so they never replace A's.
gateway gateway-uncached 7005 7007 Licences__CacheTtl=00:00:00.001 Licences__NegativeCacheTtl=00:00:00.001 \
  Licences__RevokedCacheTtl=00:00:00.001 Redis__KeyPrefix=bench-uncached:

echo "Waiting until every service reports SERVING (and the adapters have issued their seeded licences)..."
if ! "${cli[@]}" health --wait "${BENCH_START_WAIT:-300}" "$public_security_url" "$market_regulation_url" "$civil_affairs_url" "$catalog_grpc" \
    "$(address 7000)" "$(address 7004)" "$(address 7005)" >>"$logs/health.log" 2>&1 \
  || ! "${cli[@]}" health --wait "${BENCH_START_WAIT:-300}" --service exchange.licence.v1.LicenceIssuerService \
    "$public_security_url" "$market_regulation_url" "$civil_affairs_url" >>"$logs/health.log" 2>&1; then
  cat "$logs/health.log" >&2
  echo "error: not every service became healthy; see the logs in $logs" >&2
  exit 1
fi

for address in "$(address 7000)" "$(address 7004)" "$(address 7005)"; do wait_gateway_answers "$address"; done

# One licence and one holder to look up, found through gateway A as the issuing department.
numbers=$("${load[@]}" licence --data "$data" --target "$(address 7000)" 2>>"$logs/load.log") \
  || { tail -5 "$logs/load.log" >&2; exit 1; }
number=${numbers%% *}; holder=${numbers##* }
echo "Looking up licence $number and holder $holder; measuring ${duration}s per run after ${warmup}s warm-up..."

printf 'lookup\tcache\tconcurrency\trps\tmean_ms\tp50_ms\tp99_ms\terrors\n' >"$state/results.tsv"
for lookup in verify holder; do
  subject=$([ "$lookup" = verify ] && echo "$number" || echo "$holder")
  for c in $concurrencies; do
    for cache in warm cold; do
      address=$([ "$cache" = warm ] && echo "$(address 7000)" || echo "$(address 7005)")
      line=$(load_result $(( duration + 40 )) run --data "$data" --target "$address" --method "$lookup:$subject" \
        --auth token --concurrency "$c" --warmup "$warmup" --duration "$duration" --label "$lookup-$cache")
      field() { result_field "$1" "$line"; }
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$lookup" "$cache" "$c" "$(field rps)" "$(field mean_ms)" "$(field p50_ms)" "$(field p99_ms)" "$(field errors)" >>"$state/results.tsv"
      printf '  %-7s %-5s c=%-3s %8s req/s, p50 %s ms, p99 %s ms, %s errors\n' "$lookup" "$cache" "$c" "$(field rps)" "$(field p50_ms)" "$(field p99_ms)" "$(field errors)"
    done
  done
done

echo "Revocation propagation: $revocations revocations through gateway A, checked at once at gateway B..."
revocation=$(load_result $(( revocations * 5 + 60 )) revocations --data "$data" --target "$(address 7000)" --observer "$(address 7004)" --count "$revocations")

echo
echo "Exchange e-licence benchmark — $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "measurement ${duration}s after ${warmup}s warm-up; one HTTP/2 connection; warm = Redis cache hit, cold = the issuer asked on every call"
awk -F'\t' '
  NR == 1 { next }
  { rps[$1, $2, $3] = $4; row[NR] = $0 }
  END {
    printf "\n%-7s %-5s %4s %10s %8s %8s %8s %6s %12s\n", "lookup", "cache", "c", "req/s", "mean ms", "p50 ms", "p99 ms", "errors", "warm / cold"
    for (i = 2; i <= NR; i++) {
      split(row[i], f, "\t"); cold = rps[f[1], "cold", f[3]]
      ratio = (f[2] == "warm" && cold > 0) ? sprintf("%.1fx", f[4] / cold) : ""
      printf "%-7s %-5s %4s %10.0f %8s %8s %8s %6s %12s\n", f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], ratio
    }
  }' "$state/results.tsv"
field() { result_field "$1" "$revocation"; }
echo
echo "Revocations: $(field revocations), seen revoked by gateway B at its first ask after Revoke returned: $(field seen_at_first_ask)"
echo "  Revoke call (issuer durable + every cache invalidated): p50 $(field revoke_p50_ms) ms, max $(field revoke_max_ms) ms"
echo "  seen by B after Revoke returned: p50 $(field seen_after_p50_ms) ms, max $(field seen_after_max_ms) ms (includes B's Verify call)"
echo "Finished in $(( $(date +%s) - began )) s."
