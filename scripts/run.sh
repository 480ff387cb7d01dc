#!/usr/bin/env bash
# Runs all of Exchange on this machine with seeded demo data: three department adapters, the catalog
# and the gateway, on fixed loopback ports, every hop over TLS with certificates of a local exchange CA
# (.data/pki/, created on first start). Stores live in .data/ (delete it to start afresh).
# Ctrl-C stops everything.
#   scripts/run.sh [--no-build]
#   GATEWAY_INSTANCES=2 scripts/run.sh   two gateway instances behind the front balancer on 7000
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
configuration=Release
data="$root/.data"
logs="$data/logs"
mkdir -p "$logs"

if [ "${1:-}" != "--no-build" ]; then
  echo "Building Exchange ($configuration)..."
  dotnet build Exchange.sln -c "$configuration" -nologo -v q -clp:ErrorsOnly
fi

cli="dotnet $root/tools/Exchange.Cli/bin/$configuration/net10.0/exchange.dll"
pids=()

# The local exchange CA and a certificate per service (ECDSA P-256, PEM; keys 0600), made once. The services read
# .data/pki/<name>.crt|.key and trust .data/pki/ca.crt (their appsettings.json); the CLI and curl trust that CA.
export EXCHANGE_CA="$data/pki/ca.crt"
$cli pki init --dir "$data/pki"

# OAuth2 client secrets of the demo clients: generated once per machine, never committed.
credentials="$data/credentials"
mkdir -p "$credentials"
chmod 700 "$credentials"
clients=(public-security market-regulation civil-affairs exchange-gateway catalog-admin exchange-portal)
# Secrets go to the services in their environment, not on the command line where `ps` would show them.
catalog_env=()
for client in "${clients[@]}"; do
  secret_file="$credentials/$client.secret"
  if [ ! -s "$secret_file" ]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$secret_file")
  fi
  catalog_env+=("Identity__Clients__${client}__Secret=$(cat "$secret_file")")
done

stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    echo
    echo "Stopping Exchange..."
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    echo "Stopped. Data kept in .data/ (delete it to reseed)."
  fi
}
trap stop_all INT TERM EXIT

# Admin UI accounts (catalog web endpoint, /admin): an administrator and a civil-affairs reviewer.
for account in admin reviewer-civil-affairs; do
  password_file="$credentials/$account.password"
  if [ ! -s "$password_file" ]; then
    (umask 077 && head -c 9 /dev/urandom | base64 | tr -d '/+=\n' > "$password_file")
  fi
done
catalog_env+=(
  "Admin__Accounts__admin__Password=$(cat "$credentials/admin.password")"
  "Admin__Accounts__admin__Role=catalog-admin"
  "Admin__Accounts__reviewer-civil-affairs__Password=$(cat "$credentials/reviewer-civil-affairs.password")"
  "Admin__Accounts__reviewer-civil-affairs__Role=department-reviewer"
  "Admin__Accounts__reviewer-civil-affairs__Department=CIVIL-AFFAIRS"
  # The gateway the audit page reads, and every gateway instance the statistics page merges.
  "Admin__GatewayAddress=https://127.0.0.1:7000"
  "Admin__Gateways__0=https://127.0.0.1:7000"
  # The holders' portal receives its authorization codes here.
  "Identity__Clients__exchange-portal__RedirectUri=https://127.0.0.1:7030/signin-oidc"
)

# Counter clerk of the civil affairs marriage registry, for the gateway's licence verification page (/clerk).
clerk_password_file="$credentials/clerk-ca.password"
if [ ! -s "$clerk_password_file" ]; then
  (umask 077 && head -c 9 /dev/urandom | base64 | tr -d '/+=\n' > "$clerk_password_file")
fi

# The gateways' licence cache: EXCHANGE_REDIS names a Redis to use; otherwise a local redis-server is started.
redis="${EXCHANGE_REDIS:-}"
if [ -z "$redis" ]; then
  if command -v redis-server >/dev/null; then
    redis=127.0.0.1:7379
    redis-server --port 7379 --bind 127.0.0.1 --save "" --appendonly no --daemonize no --loglevel warning \
      >"$logs/redis.log" 2>&1 &
    pids+=($!)
    printf '  %-18s %s  (log: .data/logs/redis.log)\n' redis "$redis"
  else
    echo "warning: redis-server is not installed (apt-get install redis-server); the gateway caches licences in its own memory"
  fi
fi

start() { # name folder project url [NAME=value environment...]
  local name=$1 folder=$2 project=$3 url=$4
  shift 4
  local dll="$root/$folder/$project/bin/$configuration/net10.0/$project.dll"
  [ -f "$dll" ] || { echo "error: $dll is missing; run without --no-build" >&2; exit 1; }
  env "$@" dotnet "$dll" >"$logs/$name.log" 2>&1 &
  pids+=($!)
  printf '  %-18s %s  (log: .data/logs/%s.log)\n' "$name" "$url" "$name"
}

echo "Starting services (first start seeds the demo data, which takes a few seconds)..."
# Each adapter fetches its exchange-context key from and registers its licence issuer keys in the catalog as its own
# department's client.
issuer_env() { echo "Catalog__ClientId=$1" "Catalog__ClientSecret=$(cat "$credentials/$1.secret")"; }
# shellcheck disable=SC2046
start public-security   adapters Exchange.Adapters.PublicSecurity   https://127.0.0.1:7011 $(issuer_env public-security)
# shellcheck disable=SC2046
start market-regulation adapters Exchange.Adapters.MarketRegulation https://127.0.0.1:7012 $(issuer_env market-regulation)
# shellcheck disable=SC2046
start civil-affairs     adapters Exchange.Adapters.CivilAffairs     https://127.0.0.1:7013 $(issuer_env civil-affairs)
start catalog           catalog  Exchange.Catalog                   "https://127.0.0.1:7001 (web, OAuth2: https://127.0.0.1:7002)" "${catalog_env[@]}"
gateway_env=(
  "Catalog__ClientSecret=$(cat "$credentials/exchange-gateway.secret")"
  "Redis__Configuration=$redis"
  "Clerk__Accounts__clerk-ca__Password=$(cat "$clerk_password_file")"
  "Clerk__Accounts__clerk-ca__Department=CIVIL-AFFAIRS"
  "Clerk__Accounts__clerk-ca__DisplayName=婚姻登记处窗口"
)
# GATEWAY_INSTANCES=2 (or more) runs that many gateways behind the front balancer on 7000: instance N on gRPC 710N and
# clerk page 720N, each with its own snapshots (and SQLite audit log) in .data/gateway-N/, sharing the catalog (and the
# providers' context keys it hands out) and Redis; with ConnectionStrings__Audit naming a PostgreSQL database in the environment, they share that audit log.
gateway_instances=${GATEWAY_INSTANCES:-1}
clerk_page=https://127.0.0.1:7003/clerk
[ "$gateway_instances" -eq 1 ] 2>/dev/null || clerk_page="https://127.0.0.1:7201/clerk (one per instance: 720N)"
[[ "$gateway_instances" =~ ^[1-9]$ ]] || { echo "error: GATEWAY_INSTANCES must be 1 to 9" >&2; exit 1; }
health_addresses=(https://127.0.0.1:7011 https://127.0.0.1:7012 https://127.0.0.1:7013 https://127.0.0.1:7001 https://127.0.0.1:7000)
if [ "$gateway_instances" -eq 1 ]; then
  start gateway         gateway  Exchange.Gateway                   "https://127.0.0.1:7000 (clerk page: https://127.0.0.1:7003/clerk)" "${gateway_env[@]}"
else
  balancer_env=()
  for i in $(seq 1 "$gateway_instances"); do
    instance_data=.data/gateway-$i
    # Each instance its own SQLite audit log, unless the environment names a shared (PostgreSQL) one.
    audit_store=("ConnectionStrings__Audit=${ConnectionStrings__Audit:-Data Source=$instance_data/audit.db}")
    # Its own audit log is its own log id (a shared PostgreSQL one keeps the default); the other instances witness it.
    [ -n "${ConnectionStrings__Audit:-}" ] || audit_store+=("Audit__LogId=gateway-$i")
    audit_store+=("Audit__WitnessName=gateway-$i" "Audit__WitnessKeyPath=$instance_data/witness.pem" "Audit__WitnessDirectory=$instance_data/witnessed")
    k=0
    for j in $(seq 1 "$gateway_instances"); do
      if [ "$j" -ne "$i" ]; then audit_store+=("Audit__Witnesses__$k=https://127.0.0.1:710$j"); k=$((k + 1)); fi
    done
    start "gateway-$i"    gateway  Exchange.Gateway                   "https://127.0.0.1:710$i (clerk page: https://127.0.0.1:720$i/clerk)" "${gateway_env[@]}" \
      "Kestrel__Endpoints__Grpc__Url=https://127.0.0.1:710$i" "Kestrel__Endpoints__Web__Url=https://127.0.0.1:720$i" \
      "${audit_store[@]}" \
      "Catalog__SnapshotPath=$instance_data/catalog-snapshot.pb" "Catalog__GrantSnapshotPath=$instance_data/grant-snapshot.pb" \
      "Identity__KeysPath=$instance_data/identity-keys.json" "Licences__IssuerKeySnapshotPath=$instance_data/issuer-keys.pb"
    balancer_env+=("ReverseProxy__Clusters__gateways__Destinations__gateway-${i}__Address=https://127.0.0.1:710$i")
    health_addresses+=("https://127.0.0.1:710$i")
    # The first instance creates the shared audit signing key; the others must find it, not race it.
    if [ "$i" -eq 1 ]; then $cli health --wait 120 https://127.0.0.1:7101 >/dev/null; fi
  done
  start gateway-balancer gateway Exchange.Gateway.Balancer          "https://127.0.0.1:7000 (round-robin over $gateway_instances gateways)" "${balancer_env[@]}"
fi

# The holders' portal (PORTAL): holders sign in at the catalog; it calls the gateway with each holder's own token.
start portal            portal   Exchange.Portal                    https://127.0.0.1:7030 "Portal__ClientSecret=$(cat "$credentials/exchange-portal.secret")"
health_addresses+=(https://127.0.0.1:7030)

echo "Waiting until every service reports SERVING..."
if ! $cli health --wait 120 "${health_addresses[@]}"; then
  echo "error: not every service became healthy; see the logs in .data/logs/" >&2
  exit 1
fi

licence_cache=${redis:-"in the gateway's memory (no Redis)"}
cat <<INFO

Exchange is running.
  gateway (department systems call this)  https://127.0.0.1:7000   gRPC over TLS (HTTP/2)
  catalog                                 https://127.0.0.1:7001   gRPC; web and OAuth2 token endpoint https://127.0.0.1:7002
  admin web UI                            https://127.0.0.1:7002/admin
      sign in as admin / $(cat "$credentials/admin.password"), or reviewer-civil-affairs / $(cat "$credentials/reviewer-civil-affairs.password")
  e-licence clerk page                    $clerk_page
      sign in as clerk-ca / $(cat "$clerk_password_file") (civil affairs marriage registry counter)
  holders' portal (phones welcome)        https://127.0.0.1:7030
      sign in with any valid citizen id or credit code, e.g. 330106198812153739; the one-time code is in .data/logs/catalog.log
  licence cache                           $licence_cache
  client secrets of the demo departments  .data/credentials/ (scripts/exchange finds them)
  adapters                                https://127.0.0.1:7011 (public security), :7012 (market regulation), :7013 (civil affairs)
                                          mutual TLS: they answer only the gateway's client certificate (health probes aside)
  exchange CA (trust it in clients)       .data/pki/ca.crt   e.g. curl --cacert .data/pki/ca.crt https://127.0.0.1:7002/health/ready

Try it from another terminal (the CLI calls through the gateway):
  scripts/exchange resident 330106198812153739
  scripts/exchange verify-identity 330106198812153739 郭建平
  scripts/exchange marriages 330106198812153739 --client civil-affairs
  scripts/exchange audit query --holder 330106198812153739 --client public-security
  scripts/exchange enterprise 91330106MALC7YCP9L
  scripts/exchange credit-status 91310115DJ82CHG7TJ --client market-regulation
  scripts/exchange catalog resources
  scripts/exchange --help

Press Ctrl-C to stop.
INFO
wait "${pids[@]}"
