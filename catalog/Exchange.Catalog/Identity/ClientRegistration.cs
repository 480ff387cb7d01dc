using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Exchange.Catalog.Identity;

/// <summary>
/// Keeps the token server's client store in step with <see cref="ExchangeClient.Seeded"/> and the configured
/// secrets: creates a missing client, updates its role, department, scopes and (when changed) secret.
/// A client without a configured secret is left alone, with a warning: secrets come from configuration only.
/// </summary>
public sealed class ClientRegistration(
    IOpenIddictApplicationManager applications,
    IOptions<CatalogIdentityOptions> options,
    ILogger<ClientRegistration> logger)
{
    public async Task RegisterSeededClientsAsync(CancellationToken cancellationToken)
    {
        foreach (var client in ExchangeClient.Seeded)
        {
            var settings = options.Value.Clients.GetValueOrDefault(client.ClientId);
            var secret = settings?.Secret;
            if (string.IsNullOrWhiteSpace(secret))
            {
                logger.LogWarning("Client {ClientId} is not registered: set Identity:Clients:{ClientId}:Secret to let it get tokens",
                    client.ClientId, client.ClientId);
                continue;
            }
            if (client.ActsForHolders && settings?.RedirectUri is not { IsAbsoluteUri: true })
            {
                logger.LogWarning("Client {ClientId} is not registered: set Identity:Clients:{ClientId}:RedirectUri to where it receives codes",
                    client.ClientId, client.ClientId);
                continue;
            }

            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                var descriptor = new OpenIddictApplicationDescriptor { ClientSecret = secret };
                Describe(descriptor, client, settings!);
                await applications.CreateAsync(descriptor, cancellationToken);
                logger.LogInformation("Registered client {ClientId} with role {Role} for department {DepartmentCode}",
                    client.ClientId, client.Role, client.DepartmentCode ?? "-");
            }
            else
            {
                var descriptor = new OpenIddictApplicationDescriptor();
                await applications.PopulateAsync(descriptor, existing, cancellationToken);
                Describe(descriptor, client, settings!);
                var secretChanged = !await applications.ValidateClientSecretAsync(existing, secret, cancellationToken);
                if (secretChanged)
                    descriptor.ClientSecret = secret;
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
                if (secretChanged)
                    logger.LogInformation("Client {ClientId} has a new secret from configuration", client.ClientId);
            }
        }
    }

    private static void Describe(OpenIddictApplicationDescriptor descriptor, ExchangeClient client, ClientSecretOptions settings)
    {
        descriptor.ClientId = client.ClientId;
        descriptor.ClientType = ClientTypes.Confidential;
        descriptor.DisplayName = client.DisplayName;
        descriptor.Permissions.Clear();
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.RedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.Requirements.Clear();
        if (client.ActsForHolders)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
            descriptor.Permissions.Add(Permissions.GrantTypes.AuthorizationCode);
            descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.Add(settings.RedirectUri!);
            if (settings.PostLogoutRedirectUri is { IsAbsoluteUri: true } after)
                descriptor.PostLogoutRedirectUris.Add(after);
        }
        else
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }
        foreach (var scope in client.Scopes)
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        descriptor.Properties[ExchangeClaims.Role] = JsonSerializer.SerializeToElement(client.Role);
        if (client.DepartmentCode is null)
            descriptor.Properties.Remove(ExchangeClaims.Department);
        else
            descriptor.Properties[ExchangeClaims.Department] = JsonSerializer.SerializeToElement(client.DepartmentCode);
    }
}
