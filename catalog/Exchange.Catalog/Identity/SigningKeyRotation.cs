using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace Exchange.Catalog.Identity;

/// <summary>
/// Rotates the signing key while the catalog runs. The token server's options hold the published keys (JWKS),
/// so after a change they are dropped from the options cache and rebuilt from the ring on the next request.
/// </summary>
public sealed class SigningKeyRotation(
    SigningKeyRing ring,
    IOptions<CatalogIdentityOptions> options,
    IOptionsMonitorCache<OpenIddictServerOptions> serverOptions,
    TimeProvider clock,
    ILogger<SigningKeyRotation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromTicks(Math.Clamp(options.Value.SigningKeyRotation.Ticks / 4,
            TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromMinutes(1).Ticks));
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (ring.RotateIfDue())
                    serverOptions.TryRemove(Options.DefaultName);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "Could not rotate the token signing key; the current key keeps signing");
            }
        }
    }
}
