using Duende.IdentityModel.Client;
using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Catalog.Tests;

public sealed class KeyRotationTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(12);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_key_signs_after_rotation_while_tokens_of_the_old_key_still_validate_until_they_expire()
    {
        await using var catalog = await CatalogProcess.StartAsync(new Dictionary<string, string>
        {
            ["Identity:SigningKeyRotation"] = "00:00:02",
            ["Identity:AccessTokenLifetime"] = Lifetime.ToString("c"),
        }, Ct);
        var old = await RequestTokenAsync(catalog);
        var oldKey = Jwt.KeyIdOf(old);

        string fresh = old;
        await Eventually.WithinAsync(TimeSpan.FromSeconds(8), async () =>
        {
            fresh = await RequestTokenAsync(catalog);
            return Jwt.KeyIdOf(fresh) != oldKey;
        }, "a token is signed by a new key");

        var published = await KeySet.IdsAsync(catalog, Ct);
        Assert.Contains(oldKey, published);
        Assert.Contains(Jwt.KeyIdOf(fresh), published);
        Assert.Equal(StatusCode.OK, await RegisterAsync(catalog, old));
        Assert.Equal(StatusCode.OK, await RegisterAsync(catalog, fresh));

        var expiry = DateTimeOffset.FromUnixTimeSeconds(Jwt.Payload(old).GetProperty("exp").GetInt64());
        await Task.Delay(expiry - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(StatusCode.Unauthenticated, await RegisterAsync(catalog, old));
        Assert.Contains(oldKey, await KeySet.IdsAsync(catalog, Ct));
    }

    /// <summary>A fresh token every time, straight from Duende.IdentityModel, as a department system asks for one.</summary>
    internal static async Task<string> RequestTokenAsync(CatalogProcess catalog)
    {
        var response = await catalog.Http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = catalog.TokenEndpoint.AbsoluteUri,
            ClientId = ExchangeClients.CatalogAdmin,
            ClientSecret = catalog.SecretOf(ExchangeClients.CatalogAdmin),
            Scope = "exchange.catalog",
        }, Ct);
        Assert.False(response.IsError, response.Error);
        return response.AccessToken!;
    }

    internal static Task<StatusCode> RegisterAsync(CatalogProcess catalog, string token)
    {
        var client = new CatalogService.CatalogServiceClient(catalog.CallsWithAuthorization("Bearer " + token));
        var department = new Department { Code = TestResources.NewCode("KEY"), Name = "密钥轮换测试部门" };
        return GrpcStatus.OfAsync(() => client.RegisterDepartmentAsync(new RegisterDepartmentRequest { Department = department }, cancellationToken: Ct).ResponseAsync);
    }
}
