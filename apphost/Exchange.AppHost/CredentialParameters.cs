namespace Exchange.AppHost;

/// <summary>
/// The generated client secrets and passwords as secret Aspire parameters read from <c>.data/credentials/</c>: the
/// dashboard masks them and the services get them in their environment, never on a command line or in a log.
/// </summary>
internal sealed class CredentialParameters(IReadOnlyDictionary<string, IResourceBuilder<ParameterResource>> secrets)
{
    public IResourceBuilder<ParameterResource> ClientSecret(string client) => secrets[client + "-secret"];

    public IResourceBuilder<ParameterResource> Password(string account) => secrets[account + "-password"];
}

internal static class CredentialParameterExtensions
{
    public static CredentialParameters AddCredentialParameters(this IDistributedApplicationBuilder builder, LocalCredentials credentials)
    {
        var parameters = new Dictionary<string, IResourceBuilder<ParameterResource>>();
        foreach (var client in LocalCredentials.Clients)
        {
            var path = credentials.SecretPath(client);
            parameters[client + "-secret"] = builder.AddParameter(client + "-secret", () => credentials.Read(path), secret: true);
        }
        foreach (var account in LocalCredentials.Accounts)
        {
            var path = credentials.PasswordPath(account);
            parameters[account + "-password"] = builder.AddParameter(account + "-password", () => credentials.Read(path), secret: true);
        }
        return new CredentialParameters(parameters);
    }

    /// <summary>The catalog's OAuth2 clients and its admin UI accounts (an administrator and a civil-affairs reviewer).</summary>
    public static IResourceBuilder<ExecutableResource> WithCatalogCredentials(this IResourceBuilder<ExecutableResource> catalog, CredentialParameters secrets)
    {
        foreach (var client in LocalCredentials.Clients)
            catalog.WithEnvironment($"Identity__Clients__{client}__Secret", secrets.ClientSecret(client));
        return catalog
            .WithEnvironment("Admin__Accounts__admin__Password", secrets.Password("admin"))
            .WithEnvironment("Admin__Accounts__admin__Role", "catalog-admin")
            .WithEnvironment("Admin__Accounts__reviewer-civil-affairs__Password", secrets.Password("reviewer-civil-affairs"))
            .WithEnvironment("Admin__Accounts__reviewer-civil-affairs__Role", "department-reviewer")
            .WithEnvironment("Admin__Accounts__reviewer-civil-affairs__Department", "CIVIL-AFFAIRS");
    }
}
