namespace Exchange.Gateway.Licences.Rules;

public static class MaterialRuleExtensions
{
    /// <summary>The rules CheckMaterials applies; a department adds its rule here, one line per rule class.</summary>
    internal static IServiceCollection AddMaterialRules(this IServiceCollection services)
    {
        services.AddSingleton<IMaterialRule, PartyIdentityRule>();
        services.AddSingleton<IMaterialRule, MarriagePartiesRule>();
        services.AddSingleton<IMaterialRule, MarriageAgeRule>();
        services.AddSingleton<IMaterialRule, MarriageStatusRule>();
        services.AddSingleton<IMaterialRule, MarketEntryCreditRule>();
        services.AddSingleton<IMaterialRule, RevokedEnterpriseRepresentativeRule>();
        services.AddSingleton<IMaterialRule, EnterpriseListingRule>();
        return services;
    }
}
