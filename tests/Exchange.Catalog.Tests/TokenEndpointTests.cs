using System.Net;
using Duende.IdentityModel.Client;
using System.Text.Json;
using Exchange.Client;
using Exchange.Testing;

namespace Exchange.Catalog.Tests;

[Collection(SharedCatalogCollection.Name)]
public sealed class TokenEndpointTests(CatalogProcess catalog)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ExchangeClients.PublicSecurity, "department", "PUBLIC-SECURITY")]
    [InlineData(ExchangeClients.MarketRegulation, "department", "MARKET-REGULATION")]
    [InlineData(ExchangeClients.CivilAffairs, "department", "CIVIL-AFFAIRS")]
    [InlineData(ExchangeClients.Gateway, "gateway", null)]
    [InlineData(ExchangeClients.CatalogAdmin, "catalog-admin", null)]
    public async Task Each_seeded_client_gets_a_signed_jwt_naming_it_for_the_catalog_audience(string clientId, string role, string? department)
    {
        var token = await catalog.Tokens(clientId, ExchangeScopes.Catalog).GetTokenAsync(Ct);

        Assert.Equal(("ES256", "at+jwt"), (Jwt.Header(token).GetProperty("alg").GetString(), Jwt.Header(token).GetProperty("typ").GetString()));
        Assert.Equal(catalog.WebAddress.AbsoluteUri, Jwt.Claim(token, "iss"));
        Assert.Equal(clientId, Jwt.Claim(token, "sub"));
        Assert.Equal(role, Jwt.Claim(token, "role"));
        Assert.Equal(department, Jwt.Claim(token, "department"));
        Assert.Equal(["exchange-catalog"], Jwt.Audiences(token));
        var payload = Jwt.Payload(token);
        Assert.Equal(300, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
        Assert.Contains(Jwt.KeyIdOf(token), await PublishedKeyIdsAsync());
    }

    [Fact]
    public async Task Department_token_for_the_gateway_scope_is_addressed_to_the_gateway_only()
    {
        var token = await catalog.Tokens(ExchangeClients.CivilAffairs, ExchangeScopes.Gateway).GetTokenAsync(Ct);

        Assert.Equal(["exchange-gateway"], Jwt.Audiences(token));
        Assert.Equal("CIVIL-AFFAIRS", Jwt.Claim(token, "department"));
    }

    [Fact]
    public async Task Gateway_client_may_not_ask_for_the_gateway_scope()
    {
        var response = await RequestAsync(ExchangeClients.Gateway, catalog.SecretOf(ExchangeClients.Gateway), ExchangeScopes.Gateway);

        Assert.True(response.IsError);
        Assert.Equal(HttpStatusCode.BadRequest, response.HttpStatusCode);
        Assert.Contains("scope", response.ErrorDescription);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task Admin_token_for_the_gateway_scope_carries_the_admin_role_and_no_department()
    {
        var token = await catalog.Tokens(ExchangeClients.CatalogAdmin, ExchangeScopes.Gateway).GetTokenAsync(Ct);

        Assert.Equal(["exchange-gateway"], Jwt.Audiences(token));
        Assert.Equal("catalog-admin", Jwt.Claim(token, "role"));
        Assert.Null(Jwt.Claim(token, "department"));
    }

    [Fact]
    public async Task Wrong_secret_and_unknown_client_get_no_token()
    {
        var wrongSecret = await RequestAsync(ExchangeClients.CivilAffairs, "not-the-secret", ExchangeScopes.Catalog);
        var unknown = await RequestAsync("human-resources", catalog.SecretOf(ExchangeClients.CivilAffairs), ExchangeScopes.Catalog);

        foreach (var response in new[] { wrongSecret, unknown })
        {
            Assert.True(response.IsError);
            Assert.Null(response.AccessToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.HttpStatusCode);
            Assert.Contains("invalid", response.ErrorDescription);
        }
        await Assert.ThrowsAsync<ExchangeTokenException>(() => Provider(ExchangeClients.CivilAffairs, "not-the-secret").GetTokenAsync(Ct).AsTask());
    }

    [Fact]
    public async Task Discovery_names_the_issuer_token_endpoint_and_key_set()
    {
        using var discovery = JsonDocument.Parse(await catalog.Http.GetStringAsync(new Uri(catalog.WebAddress, ".well-known/openid-configuration"), Ct));
        var root = discovery.RootElement;

        Assert.Equal(catalog.WebAddress.AbsoluteUri, root.GetProperty("issuer").GetString());
        Assert.Equal(catalog.TokenEndpoint.AbsoluteUri, root.GetProperty("token_endpoint").GetString());
        // Departments use client credentials; the holders' portal signs holders in with the code flow (PKCE required).
        Assert.Equal(["client_credentials", "authorization_code"], root.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        var keys = await PublishedKeyIdsAsync();
        Assert.Single(keys);
    }

    private ExchangeTokenProvider Provider(string clientId, string secret) => new(catalog.Http, new ExchangeClientOptions
    {
        TokenEndpoint = catalog.TokenEndpoint,
        ClientId = clientId,
        ClientSecret = secret,
        Scope = ExchangeScopes.Catalog,
    });

    private Task<TokenResponse> RequestAsync(string clientId, string secret, string scope) =>
        catalog.Http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = catalog.TokenEndpoint.AbsoluteUri,
            ClientId = clientId,
            ClientSecret = secret,
            Scope = scope,
        }, Ct);

    private async Task<IReadOnlyList<string>> PublishedKeyIdsAsync() =>
        await KeySet.IdsAsync(catalog, Ct);
}
