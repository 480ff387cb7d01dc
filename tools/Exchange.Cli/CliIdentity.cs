using System.CommandLine;
using Exchange.Client;

namespace Exchange.Cli;

/// <summary>Turns the --client / --secret options into a token provider, finding the secret where the AppHost put it.</summary>
internal static class CliIdentity
{
    public const string DefaultDepartmentClient = "civil-affairs";
    public const string DefaultAdminClient = "catalog-admin";

    public static ExchangeTokenProvider TokensFor(ParseResult parse, string defaultClient, string scope)
    {
        var client = parse.GetValue(GlobalOptions.Client) ?? defaultClient;
        var secret = parse.GetValue(GlobalOptions.Secret) ?? ReadSecretFile(client);
        return new ExchangeTokenProvider(new HttpClient(GlobalOptions.CreateHandler(parse)), new ExchangeClientOptions
        {
            TokenEndpoint = parse.GetValue(GlobalOptions.TokenEndpoint)!,
            ClientId = client,
            ClientSecret = secret,
            Scope = scope,
        });
    }

    private static string ReadSecretFile(string client)
    {
        var directory = Environment.GetEnvironmentVariable("EXCHANGE_CREDENTIALS_DIR") ?? Path.Combine(".data", "credentials");
        var path = Path.Combine(directory, client + ".secret");
        if (!File.Exists(path))
            throw new ExchangeTokenException($"No secret for client '{client}': pass --secret, set EXCHANGE_CLIENT_SECRET, or start Exchange with `dotnet run --project apphost/Exchange.AppHost`, which writes {path}.");
        return File.ReadAllText(path).Trim();
    }
}
