using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Exchange.Catalog.Identity;

/// <summary>
/// Signs every token with the ring's newest key. OpenIddict would take the first key of its options, whose
/// order among equal plain keys is not guaranteed and which is only rebuilt after a rotation.
/// </summary>
public sealed class SignWithNewestKey(SigningKeyRing ring) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<SignWithNewestKey>()
            .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.SigningCredentials?.Key is AsymmetricSecurityKey)
            context.SigningCredentials = ring.Newest.Credentials;
        return default;
    }
}
