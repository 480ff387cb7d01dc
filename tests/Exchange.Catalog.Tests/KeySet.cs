using System.Net.Http.Json;
using System.Text.Json;

namespace Exchange.Catalog.Tests;

/// <summary>The key ids the catalog publishes in its JWKS.</summary>
internal static class KeySet
{
    public static async Task<IReadOnlyList<string>> IdsAsync(CatalogProcess catalog, CancellationToken cancellationToken)
    {
        var jwks = await catalog.Http.GetFromJsonAsync<JsonElement>(new Uri(catalog.WebAddress, ".well-known/jwks"), cancellationToken);
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }
}
