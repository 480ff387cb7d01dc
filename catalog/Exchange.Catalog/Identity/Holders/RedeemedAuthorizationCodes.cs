using Exchange.Catalog.Store;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Identity.Holders;

/// <summary>
/// Authorization codes already exchanged for tokens. The token server keeps no token store (access tokens are
/// self-contained), so without this a stolen code could be redeemed again within its lifetime. The codes are encrypted
/// with a key every catalog instance shares and that outlives a restart (<see cref="TokenEncryptionKey"/>), so what was
/// redeemed is kept in the catalog's store, not in one process: a code redeemed once is refused at every instance and
/// after a restart, until it would have expired anyway. The store's primary key decides between two instances at once.
/// </summary>
public sealed class RedeemedAuthorizationCodes(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>True the first time a code id is redeemed, false for every later attempt, at any instance.</summary>
    public async Task<bool> TryRedeemAsync(string codeId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await store.RedeemedAuthorizationCodes.Where(c => c.ExpiresAtMillis <= now).ExecuteDeleteAsync(cancellationToken);
        store.RedeemedAuthorizationCodes.Add(new RedeemedAuthorizationCodeRecord { CodeId = codeId, ExpiresAtMillis = expiresAt.ToUnixTimeMilliseconds() });
        try
        {
            await store.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await IsRedeemedAsync(codeId, cancellationToken))
                return false;
            throw;
        }
    }

    /// <summary>Read afresh: whether a failed insert met the code already there, or the store failed (which is not swallowed).</summary>
    private async Task<bool> IsRedeemedAsync(string codeId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().RedeemedAuthorizationCodes
            .AnyAsync(c => c.CodeId == codeId, cancellationToken);
    }
}
