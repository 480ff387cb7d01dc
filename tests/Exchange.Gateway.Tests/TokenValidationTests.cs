using Exchange.Client;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Gateway.Tests;

public sealed class ShortLivedTokensFixture : ClusterFixture
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(3);

    protected override ExchangeClusterOptions Options => new()
    {
        CatalogSettings = new Dictionary<string, string> { ["Identity:AccessTokenLifetime"] = TokenLifetime.ToString("c") },
        GatewaySettings = new Dictionary<string, string> { ["Identity:ClockSkew"] = "00:00:00" },
    };
}

/// <summary>The gateway lets no call through without a valid token from the catalog for the gateway's audience.</summary>
public sealed class TokenValidationTests(ShortLivedTokensFixture fixture) : IClassFixture<ShortLivedTokensFixture>
{
    private static readonly VerifyIdentityRequest Identity = new() { CitizenId = "11010519491231002X", Name = "张伟" };

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        var client = new PopulationService.PopulationServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));

        await client.VerifyIdentityAsync(Identity);
    }

    [Fact]
    public async Task Call_without_a_token_is_unauthenticated()
    {
        var ex = await CallWithAuthorization(null);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Forged_token_is_unauthenticated()
    {
        var token = await fixture.Cluster.Tokens(ExchangeClients.CivilAffairs).GetTokenAsync();
        var forged = JwtForgery.WithClaim(token, "department", "PUBLIC-SECURITY");

        var ex = await CallWithAuthorization("Bearer " + forged);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Token_signed_by_another_key_is_unauthenticated()
    {
        var token = await fixture.Cluster.Tokens(ExchangeClients.CivilAffairs).GetTokenAsync();

        var ex = await CallWithAuthorization("Bearer " + JwtForgery.ResignedWithOwnKey(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Token_for_another_audience_is_unauthenticated()
    {
        var catalogToken = await fixture.Cluster.Tokens(ExchangeClients.CivilAffairs, ExchangeScopes.Catalog).GetTokenAsync();

        var ex = await CallWithAuthorization("Bearer " + catalogToken);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("audience", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Expired_token_is_unauthenticated()
    {
        var provider = new ExchangeTokenProvider(new HttpClient(TestPki.CreateHandler()), new ExchangeClientOptions
        {
            TokenEndpoint = fixture.Cluster.TokenEndpoint,
            ClientId = ExchangeClients.CivilAffairs,
            ClientSecret = fixture.Cluster.SecretOf(ExchangeClients.CivilAffairs),
        });
        var token = await provider.GetTokenAsync();
        Assert.Null(await TryCallWithAuthorization("Bearer " + token));

        await Task.Delay(ShortLivedTokensFixture.TokenLifetime + TimeSpan.FromSeconds(1.5));
        var ex = await CallWithAuthorization("Bearer " + token);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("expired", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<RpcException> CallWithAuthorization(string? authorization) =>
        await TryCallWithAuthorization(authorization) ?? throw new Xunit.Sdk.XunitException("The call succeeded; expected UNAUTHENTICATED.");

    private async Task<RpcException?> TryCallWithAuthorization(string? authorization)
    {
        var headers = Exchange.Client.ExchangeCallCredentials.ForCase("TEST-2026-000002", "令牌校验测试");
        if (authorization is not null)
            headers.Add("authorization", authorization);
        using var channel = GrpcChannel.ForAddress(fixture.Cluster.Gateway.Address, new GrpcChannelOptions { HttpHandler = TestPki.CreateHandler() });
        try
        {
            await new PopulationService.PopulationServiceClient(channel).VerifyIdentityAsync(Identity, headers);
            return null;
        }
        catch (RpcException ex)
        {
            return ex;
        }
    }
}
