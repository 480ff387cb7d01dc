namespace Exchange.Catalog.Store.Migrations;

/// <summary>
/// Before service items listed their rules, the gateway applied rules by item code; a store from then gets the same
/// rules written into its items, so upgrading changes no check. Frozen with the ServiceItemRules migrations.
/// </summary>
internal static class ServiceItemRulesBackfill
{
    private static readonly (string Item, string[] Rules)[] RulesBefore =
    [
        ("CA-MARRIAGE-REGISTRATION", ["MARRIAGE-PARTIES", "MARRIAGE-AGE", "MARRIAGE-NOT-MARRIED"]),
        ("MR-ENTERPRISE-ESTABLISHMENT", ["CREDIT-MARKET-ENTRY", "COMPANY-LAW-178"]),
        ("MR-ENTERPRISE-CHANGE-REGISTRATION", ["CREDIT-MARKET-ENTRY", "COMPANY-LAW-178", "CREDIT-ENTERPRISE-LISTING"]),
        ("CA-SOCIAL-ORGANIZATION-ESTABLISHMENT", ["CREDIT-MARKET-ENTRY"]),
    ];

    /// <summary>SQLite keeps the list as JSON text.</summary>
    public static IEnumerable<string> Sqlite() =>
        RulesBefore.Select(r => $"""UPDATE service_items SET "RuleCodes" = '[{string.Join(",", r.Rules.Select(c => $"\"{c}\""))}]' WHERE "Code" = '{r.Item}';""");

    /// <summary>PostgreSQL keeps it as text[].</summary>
    public static IEnumerable<string> PostgreSql() =>
        RulesBefore.Select(r => $"""UPDATE service_items SET "RuleCodes" = ARRAY[{string.Join(",", r.Rules.Select(c => $"'{c}'"))}]::text[] WHERE "Code" = '{r.Item}';""");
}
