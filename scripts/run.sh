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

start() { # name folder project url
  local name=$1 folder=$2 project=$3 url=$4
  local dll="$root/$folder/$project/bin/$configuration/net10.0/$project.dll"
  [ -f "$dll" ] || { echo "error: $dll is missing; run without --no-build" >&2; exit 1; }
  dotnet "$dll" --urls "$url" >"$logs/$name.log" 2>&1 &
  pids+=($!)
  printf '  %-18s %s  (log: .data/logs/%s.log)\n' "$name" "$url" "$name"
}

echo "Starting services (first start seeds the demo data, which takes a few seconds)..."
start public-security   adapters Exchange.Adapters.PublicSecurity   http://127.0.0.1:7011
start market-regulation adapters Exchange.Adapters.MarketRegulation http://127.0.0.1:7012
start civil-affairs     adapters Exchange.Adapters.CivilAffairs     http://127.0.0.1:7013
start catalog           catalog  Exchange.Catalog                   http://127.0.0.1:7001
start gateway           gateway  Exchange.Gateway                   http://127.0.0.1:7000

echo "Waiting until every service reports SERVING..."
if ! $cli health --wait 120 http://127.0.0.1:7011 http://127.0.0.1:7012 http://127.0.0.1:7013 http://127.0.0.1:7001 http://127.0.0.1:7000; then
  echo "error: not every service became healthy; see the logs in .data/logs/" >&2
  exit 1
fi

cat <<INFO

Exchange is running.
  gateway (department systems call this)  http://127.0.0.1:7000   gRPC over h2c
  catalog                                 http://127.0.0.1:7001
  adapters                                http://127.0.0.1:7011 (public security), :7012 (market regulation), :7013 (civil affairs)

Try it from another terminal (the CLI calls through the gateway):
  scripts/exchange resident 330106198812153739
  scripts/exchange verify-identity 330106198812153739 郭建平
  scripts/exchange marriages 330106198812153739
  scripts/exchange enterprise 91330106MALC7YCP9L
  scripts/exchange catalog resources
  scripts/exchange --help

Press Ctrl-C to stop.
INFO
wait "${pids[@]}"
