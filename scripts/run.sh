#!/usr/bin/env bash
# Kept for old habits: Exchange runs from its AppHost (README, "Run it"); GATEWAY_INSTANCES and EXCHANGE_REDIS still work.
exec dotnet run --project "$(dirname "$0")/../apphost/Exchange.AppHost" -- --Exchange:GatewayInstances="${GATEWAY_INSTANCES:-1}" ${EXCHANGE_REDIS:+--Exchange:Redis="$EXCHANGE_REDIS"} "$@"
