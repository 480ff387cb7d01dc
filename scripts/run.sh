#!/usr/bin/env bash
# Runs all of Exchange on this machine with seeded demo data: three department adapters, the catalog
# and the gateway, on fixed loopback ports. Stores live in .data/ (delete it to start afresh).
# Ctrl-C stops everything.
#   scripts/run.sh [--no-build]
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

# OAuth2 client secrets of the demo clients: generated once per machine, never committed.
credentials="$data/credentials"
mkdir -p "$credentials"
chmod 700 "$credentials"
clients=(public-security market-regulation civil-affairs exchange-gateway catalog-admin)
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
)

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
start public-security   adapters Exchange.Adapters.PublicSecurity   http://127.0.0.1:7011
start market-regulation adapters Exchange.Adapters.MarketRegulation http://127.0.0.1:7012
start civil-affairs     adapters Exchange.Adapters.CivilAffairs     http://127.0.0.1:7013
start catalog           catalog  Exchange.Catalog                   "http://127.0.0.1:7001 (web, OAuth2: http://127.0.0.1:7002)" "${catalog_env[@]}"
start gateway           gateway  Exchange.Gateway                   http://127.0.0.1:7000 \
  "Catalog__ClientSecret=$(cat "$credentials/exchange-gateway.secret")"

echo "Waiting until every service reports SERVING..."
if ! $cli health --wait 120 http://127.0.0.1:7011 http://127.0.0.1:7012 http://127.0.0.1:7013 http://127.0.0.1:7001 http://127.0.0.1:7000; then
  echo "error: not every service became healthy; see the logs in .data/logs/" >&2
  exit 1
fi

cat <<INFO

Exchange is running.
  gateway (department systems call this)  http://127.0.0.1:7000   gRPC over h2c
  catalog                                 http://127.0.0.1:7001   gRPC; web and OAuth2 token endpoint http://127.0.0.1:7002
  admin web UI                            http://127.0.0.1:7002/admin
      sign in as admin / $(cat "$credentials/admin.password"), or reviewer-civil-affairs / $(cat "$credentials/reviewer-civil-affairs.password")
  client secrets of the demo departments  .data/credentials/ (scripts/exchange finds them)
  adapters                                http://127.0.0.1:7011 (public security), :7012 (market regulation), :7013 (civil affairs)

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
