using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Exchange.Gateway.Tests;

/// <summary>What an attacker can do with a real token: change its claims, or sign it with a key of their own.</summary>
internal static class JwtForgery
{
    public static string WithClaim(string jwt, string claim, string value)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Decode(parts[1]))!.AsObject();
        payload[claim] = value;
        return $"{parts[0]}.{Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }

    public static string ResignedWithOwnKey(string jwt)
    {
        var parts = jwt.Split('.');
        var header = JsonNode.Parse(Decode(parts[0]))!.AsObject();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        header["alg"] = "ES256";
        var signingInput = $"{Encode(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{parts[1]}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return $"{signingInput}.{Encode(signature)}";
    }

    private static byte[] Decode(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
