using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace Exchange.Catalog.Identity;

/// <summary>Gives the token server every key of the ring, newest first: all are published in the JWKS.</summary>
public sealed class PublishSigningKeys(SigningKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in ring.Keys)
            options.SigningCredentials.Add(key.Credentials);
    }
}
