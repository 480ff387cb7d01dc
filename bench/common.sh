# Shared by the bench/ scripts (sourced, not run): a fresh state directory with its own stores, keys, client
# secrets and exchange CA (every hop over TLS, as scripts/run.sh), nothing shared with scripts/run.sh's .data/;
# start() for services; every started process stopped on exit.
# Expects: set -euo pipefail, the working directory at the repository root, $state set (wiped here).
root=$(pwd)
configuration=Release
# BENCH_BINARIES: another tree holding the same <project>/bin/Release/ folders (a copy of an earlier build), so that
# one build can be measured while the next one is being built.
binaries=${BENCH_BINARIES:-$root}
dll() { echo "$binaries/$1/bin/$configuration/net10.0/$2.dll"; }
load=(dotnet "$(dll bench/Exchange.Bench.Load exchange-bench-load)")
cli=(dotnet "$(dll tools/Exchange.Cli exchange)")

# Under the repository's ignored .data/ by default, so it is on the same disk as a real run.
rm -rf "$state"
mkdir -p "$state/.data/credentials" "$state/logs"
chmod 700 "$state/.data/credentials"
data="$state/.data"
logs="$state/logs"

# The bench's own exchange CA and a certificate per service in $data/pki: the services run in $state and read
# .data/pki/<name>.crt|.key and trust .data/pki/ca.crt (their appsettings.json), as under scripts/run.sh.
# bench-proxy is the server certificate of the bare YARP proxies and nginx; they reach the adapters with the
# gateway's client certificate, the only one the adapters accept.
pki="$data/pki"
"${cli[@]}" pki init --dir "$pki" exchange-gateway exchange-catalog public-security market-regulation civil-affairs bench-proxy >"$logs/pki.log"
export EXCHANGE_CA="$pki/ca.crt"

pids=()
cleanup() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
  if [ "$audit_stores" != "$data" ]; then rm -rf "$audit_stores"; fi
  if declare -F on_exit >/dev/null; then on_exit; fi
}
trap cleanup INT TERM EXIT

catalog_env=()
for client in public-security market-regulation civil-affairs exchange-gateway catalog-admin; do
  (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$data/credentials/$client.secret")
  catalog_env+=("Identity__Clients__${client}__Secret=$(cat "$data/credentials/$client.secret")")
done
gateway_secret="Catalog__ClientSecret=$(cat "$data/credentials/exchange-gateway.secret")"
# Every port of the map (common/Exchange.Ports/ExchangePorts.cs) shifted by BENCH_PORT_OFFSET, as the AppHost's
# --Exchange:PortOffset shifts it, so a benchmark does not collide with an AppHost or scripts/run.sh on 7000-7099, nor
# with a test run; each service is handed every address it would otherwise take from the map.
port_offset=${BENCH_PORT_OFFSET:-1500}
port() { echo $(( $1 + port_offset )); }
address() { echo "https://127.0.0.1:$(port "$1")"; }
gateway_url=$(address 7000)
catalog_grpc=$(address 7001)
catalog_web=$(address 7002)
gateway_web=$(address 7003)
public_security_url=$(address 7011)
market_regulation_url=$(address 7012)
civil_affairs_url=$(address 7013)
# The load generator and the CLI take the token endpoint from here.
export EXCHANGE_TOKEN_ENDPOINT="$catalog_web/connect/token"
catalog_env+=("Kestrel__Endpoints__Grpc__Url=$catalog_grpc" "Kestrel__Endpoints__Web__Url=$catalog_web" "Identity__Issuer=$catalog_web/"
  "Catalog__Seed__Endpoints__PUBLIC-SECURITY=$public_security_url" "Catalog__Seed__Endpoints__MARKET-REGULATION=$market_regulation_url"
  "Catalog__Seed__Endpoints__CIVIL-AFFAIRS=$civil_affairs_url" "Admin__GatewayAddress=$gateway_url")
# A gateway's environment: gRPC and web endpoints (default: the map's), and where the catalog is.
gateway_env() { # [grpc-port web-port]
  echo "Kestrel__Endpoints__Grpc__Url=$(address "${1:-7000}")" "Kestrel__Endpoints__Web__Url=$(address "${2:-7003}")" \
    "Catalog__Address=$catalog_grpc" "Identity__Authority=$catalog_web/"
}
# Where each gateway keeps its audit store: $data/<gateway>/audit.db, the gateway's own default under $state. With
# BENCH_AUDIT_STORE=memory under /dev/shm instead: NOT durable, an experiment only, to tell what the durable commit costs
# a call from what the rest of the gateway costs (docs/benchmarks.md, eighth pass).
audit_stores=$data
if [ "${BENCH_AUDIT_STORE:-disk}" = memory ]; then
  audit_stores=/dev/shm/exchange-bench-$$
  echo "BENCH_AUDIT_STORE=memory: the gateways' audit stores are under $audit_stores, which is not durable (an experiment only)"
fi
audit_store_env() { # gateway-name
  mkdir -p "$audit_stores/$1"
  echo "ConnectionStrings__Audit=Data Source=$audit_stores/$1/audit.db"
}
# Each adapter registers its licence issuer keys in the catalog as its own department client; it listens on $2.
adapter_env() { # client url
  echo "Catalog__ClientId=$1" "Catalog__ClientSecret=$(cat "$data/credentials/$1.secret")" "Urls=$2" \
    "Catalog__Address=$catalog_grpc" "Catalog__TokenEndpoint=$catalog_web/connect/token"
}

start() { # name dll [NAME=value environment...] [-- arguments...]; sets $started to the pid
  local name=$1 path=$2 environment=()
  shift 2
  while [ $# -gt 0 ] && [ "$1" != -- ]; do environment+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  [ -f "$path" ] || { echo "error: $path is missing; run without BENCH_NO_BUILD" >&2; exit 1; }
  (cd "$state" && exec env "${environment[@]}" dotnet "$path" "$@" >"$logs/$name.log" 2>&1) &
  started=$!
  pids+=("$started")
}

# The three adapters and the catalog, on the map's ports shifted by BENCH_PORT_OFFSET.
start_departments() {
  # shellcheck disable=SC2046
  start public-security "$(dll adapters/Exchange.Adapters.PublicSecurity Exchange.Adapters.PublicSecurity)" $(adapter_env public-security "$public_security_url"); pid_direct_resident=$started
  # shellcheck disable=SC2046
  start market-regulation "$(dll adapters/Exchange.Adapters.MarketRegulation Exchange.Adapters.MarketRegulation)" $(adapter_env market-regulation "$market_regulation_url"); pid_direct_enterprise=$started
  # shellcheck disable=SC2046
  start civil-affairs "$(dll adapters/Exchange.Adapters.CivilAffairs Exchange.Adapters.CivilAffairs)" $(adapter_env civil-affairs "$civil_affairs_url")
  start catalog "$(dll catalog/Exchange.Catalog Exchange.Catalog)" "${catalog_env[@]}"
}

require_free_ports() { # port...
  for port in "$@"; do
    if ss -Htln "sport = :$port" | grep -q .; then
      echo "error: port $port is in use (is scripts/run.sh running?); the benchmark starts its own Exchange" >&2
      exit 1
    fi
  done
}

# The value of NAME in a load generator RESULT line (space-separated NAME=value pairs): result_field NAME "$line"
result_field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# Runs the load generator for at most SECONDS and prints its RESULT line; on failure shows the end of its log and
# stops the calling script (line=$(load_result ...) fails under set -e).
load_result() { # seconds load-generator-arguments...
  local seconds=$1 line
  shift
  line=$(timeout "$seconds" "${load[@]}" "$@" 2>>"$logs/load.log" | grep '^RESULT ') || { tail -5 "$logs/load.log" >&2; exit 1; }
  echo "$line"
}

# CPU time a process has used so far, in seconds (user + system).
cpu_seconds() { # pid
  awk -v ticks="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / ticks }' "/proc/$1/stat"
}

# A gateway answers UNAVAILABLE until it holds the providers' context keys from the catalog (the adapters publish them
# when they start): waits for one good GetResident call through it, at most a minute.
wait_gateway_answers() { # gateway-url
  local attempt
  for attempt in $(seq 30); do
    if timeout 30 "${load[@]}" run --data "$data" --target "$1" --method resident --auth token \
        --warmup 0 --duration 0.1 --label "ready $1" >/dev/null 2>>"$logs/load.log"; then return 0; fi
    sleep 2
  done
  tail -3 "$logs/load.log" >&2
  echo "error: the gateway at $1 did not answer; see $logs" >&2
  exit 1
}
