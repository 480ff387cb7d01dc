using Exchange.Catalog.Watch;

namespace Exchange.Catalog.Access;

public static class AccessApplicationsExtensions
{
    /// <summary>Registers access applications, grants and the feed that reports grants given and revoked.</summary>
    public static WebApplicationBuilder AddAccessApplications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GrantChangeFeed>();
        builder.Services.AddScoped<AccessApplications>();
        builder.Services.AddScoped<GrantWatch>();
        return builder;
    }
}
