using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Exchange.Catalog.Tests;

/// <summary>Reads a JWT's header and claims without trusting it, and forges variants of it.</summary>
internal static class Jwt
{
    public static JsonElement Header(string jwt) => JsonDocument.Parse(Decode(jwt.Split('.')[0])).RootElement;

    public static JsonElement Payload(string jwt) => JsonDocument.Parse(Decode(jwt.Split('.')[1])).RootElement;

    public static string KeyIdOf(string jwt) => Header(jwt).GetProperty("kid").GetString()!;

    /// <summary>The aud claim, a string or an array, as a list.</summary>
    public static IReadOnlyList<string> Audiences(string jwt)
    {
        var aud = Payload(jwt).GetProperty("aud");
        return aud.ValueKind == JsonValueKind.Array ? [.. aud.EnumerateArray().Select(a => a.GetString()!)] : [aud.GetString()!];
    }

    public static string? Claim(string jwt, string name) =>
        Payload(jwt).TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>The same token with one claim changed and the original signature kept.</summary>
    public static string WithClaim(string jwt, string claim, string value)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        return $"{parts[0]}.{Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }

    /// <summary>The same header and claims, signed by a key the catalog never made.</summary>
    public static string ResignedWithOwnKey(string jwt)
    {
        var parts = jwt.Split('.');
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signingInput = $"{parts[0]}.{parts[1]}";
        return $"{signingInput}.{Encode(key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256))}";
    }

    /// <summary>
    /// A token as the catalog would issue it to a signed-in holder (role holder, claim holder_id): the header and
    /// lifetime of <paramref name="template"/>, its department claim dropped, signed with the catalog's own key.
    /// Stands in for the portal's sign-in, which mints these through the same key ring.
    /// </summary>
    public static string HolderToken(string template, string holderId, ECDsa catalogKey)
    {
        var parts = template.Split('.');
        var payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        payload.Remove("department");
        payload["role"] = "holder";
        payload["holder_id"] = holderId;
        payload["sub"] = "holder:" + holderId;
        var signingInput = $"{parts[0]}.{Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}";
        return $"{signingInput}.{Encode(catalogKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256))}";
    }

    private static byte[] Decode(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
