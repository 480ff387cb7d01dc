#!/usr/bin/env bash
# Adds an EF Core migration for one store on both providers (SQLite and PostgreSQL), after a change to its model.
#   scripts/add-migration.sh <store> <MigrationName>
# Stores: catalog, catalog-admin, public-security, market-regulation, civil-affairs, licences, audit.
# Migrations are applied by each service at start-up; nothing to run by hand afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 2 ]; then
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
store=$1 name=$2

case "$store" in
  catalog)           project=catalog/Exchange.Catalog startup=$project context=CatalogDbContext folder=Store/Migrations setting=Catalog ;;
  catalog-admin)     project=catalog/Exchange.Catalog startup=$project context=AdminAccountsDbContext folder=Admin/Accounts/Migrations setting=CatalogAdmin ;;
  public-security)   project=adapters/Exchange.Adapters.PublicSecurity startup=$project context=PopulationStore folder=Store/Migrations setting=PublicSecurity ;;
  market-regulation) project=adapters/Exchange.Adapters.MarketRegulation startup=$project context=EnterpriseStore folder=Store/Migrations setting=MarketRegulation ;;
  civil-affairs)     project=adapters/Exchange.Adapters.CivilAffairs startup=$project context=CivilAffairsStore folder=Store/Migrations setting=CivilAffairs ;;
  licences)          project=adapters/Exchange.Adapters.Shared startup=adapters/Exchange.Adapters.PublicSecurity context=LicenceStore folder=Licences/Migrations setting=Licences ;;
  audit)             project=gateway/Exchange.Gateway.Proxy startup=gateway/Exchange.Gateway root=Exchange.Gateway context=AuditDbContext folder=Audit/Store/Migrations setting=Audit ;;
  *) echo "Unknown store '$store'." >&2; exit 2 ;;
esac

dotnet tool restore >/dev/null
namespace=${root:-$(basename "$project")}.$(echo "$folder" | tr / .)
dotnet build "$startup" -nologo -clp:ErrorsOnly
for provider in Sqlite PostgreSql; do
  # The connection string only picks the provider: adding a migration does not connect.
  if [ "$provider" = Sqlite ]; then connection="Data Source=$(mktemp -u).db"; else connection="Host=127.0.0.1;Database=design"; fi
  echo "==> $provider$context: $name"
  dotnet ef migrations add "$name" --no-build -p "$project" -s "$startup" --context "$provider$context" \
    -o "$folder/$provider" --namespace "$namespace.$provider" -- "--ConnectionStrings:$setting=$connection"
  # dotnet ef puts the model snapshot in a folder named after the namespace; it belongs beside the migrations.
  generated="$project/$(echo "$namespace.$provider" | tr . /)"
  if [ -d "$generated" ]; then
    mv "$generated"/*.cs "$project/$folder/$provider/"
    rm -rf "$project/$(echo "$namespace" | cut -d. -f1)"
  fi
done
