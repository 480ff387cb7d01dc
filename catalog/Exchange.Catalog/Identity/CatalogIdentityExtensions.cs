using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Exchange.Ports;
using Exchange.ServiceDefaults.Grpc;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Catalog.Identity;

public static class CatalogIdentityExtensions
{
    private static readonly Uri DefaultIssuer = new(ExchangePorts.CatalogWebAddress, "/");

    /// <summary>
    /// Turns the catalog into the OAuth2 token server of Exchange (OpenIddict, client credentials, signed JWT
    /// access tokens from a rotating key ring) and makes its own gRPC API accept those tokens (JwtBearer,
    /// audience exchange-catalog, keys straight from the ring).
    /// </summary>
    public static WebApplicationBuilder AddCatalogIdentity(this WebApplicationBuilder builder)
    {
        var webUrl = builder.Configuration["Kestrel:Endpoints:Web:Url"];
        var allowPlaintext = builder.Configuration.GetValue<bool>("Tls:AllowPlaintext");
        builder.Services.AddValidatedOptions<CatalogIdentityOptions, CatalogIdentityOptionsValidator>(CatalogIdentityOptions.Section)
            .PostConfigure(options => options.Issuer ??= Uri.TryCreate(webUrl, UriKind.Absolute, out var web) ? web : DefaultIssuer);

        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddHostedService<SigningKeyRotation>();
        builder.Services.AddScoped<ClientRegistration>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, PublishSigningKeys>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, TokenEncryptionKey>();
        builder.Services.AddOptions<OpenIddictServerOptions>()
            .Configure<IOptions<CatalogIdentityOptions>, IOptions<Holders.HolderSignInOptions>>((server, identity, holders) =>
            {
                server.Issuer = identity.Value.Issuer;
                server.AccessTokenLifetime = identity.Value.AccessTokenLifetime;
                server.AuthorizationCodeLifetime = holders.Value.AuthorizationCodeLifetime;
            })
            // The keys are read (the encryption key made) at start, so a missing or damaged key stops the start, not a sign-in.
            .ValidateOnStart();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<Store.CatalogDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                // Holders sign in to the portal: code flow, PKCE always (Holders/AuthorizeEndpoint).
                server.SetAuthorizationEndpointUris(Holders.AuthorizeEndpoint.Path.TrimStart('/'));
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(OpenIddict.Abstractions.OpenIddictConstants.Scopes.OpenId, ExchangeClaims.Scopes.Gateway, ExchangeClaims.Scopes.Catalog);
                server.RegisterAudiences(ExchangeClaims.Audiences.Gateway, ExchangeClaims.Audiences.Catalog);
                server.DisableAccessTokenEncryption();
                // Access tokens are short-lived self-contained JWTs; storing each one would only grow the database.
                server.DisableTokenStorage();
                // Authorization codes are encrypted (TokenEncryptionKey): they carry the holder's claims through the browser.
                server.AddEventHandler(SignWithNewestKey.Descriptor);
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough();
                // Client secrets and tokens travel on this endpoint: plaintext only behind the development switch.
                if (allowPlaintext)
                    aspNetCore.DisableTransportSecurityRequirement();
            });

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddAuthorization(CatalogPolicies.Add);
        builder.Services.AddGrpcAuthorizationResponder<Grpc.CatalogRefusalReasons>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyRing, IOptions<CatalogIdentityOptions>>((bearer, ring, identity) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = identity.Value.Issuer!.AbsoluteUri,
                    ValidAudience = ExchangeClaims.Audiences.Catalog,
                    IssuerSigningKeyResolver = (_, _, _, _) => ring.ValidationKeys,
                    ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                    NameClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject,
                    RoleClaimType = ExchangeClaims.Role,
                    // The catalog checks tokens it issued itself, on the same clock: no skew to allow for.
                    ClockSkew = TimeSpan.Zero,
                };
            });
        return builder;
    }

    /// <summary>The token endpoint (discovery and JWKS are served by OpenIddict itself); needs <c>UseAuthentication</c> before it.</summary>
    public static WebApplication MapCatalogIdentity(this WebApplication app)
    {
        app.MapPost(TokenEndpoint.Path, TokenEndpoint.IssueAsync);
        return app;
    }

    /// <summary>Creates or updates the seeded clients before the service takes calls.</summary>
    public static async Task RegisterClientsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ClientRegistration>().RegisterSeededClientsAsync(app.Lifetime.ApplicationStopping);
    }
}
