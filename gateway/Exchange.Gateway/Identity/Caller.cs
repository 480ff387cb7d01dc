using System.Security.Claims;

namespace Exchange.Gateway.Identity;

/// <summary>Who a validated bearer token speaks for.</summary>
public sealed class Caller(string clientId, string? department, bool isCatalogAdmin, bool hasGatewayAudience, string audiences)
{
    internal const string SubjectClaim = "sub";
    internal const string DepartmentClaim = "department";
    internal const string RoleClaim = "role";
    internal const string AudienceClaim = "aud";
    internal const string CatalogAdminRole = "catalog-admin";

    /// <summary>The OAuth2 client (token subject).</summary>
    public string ClientId { get; } = clientId;

    /// <summary>The department code the client acts for; null for the gateway's and administrators' clients.</summary>
    public string? Department { get; } = department;

    public bool IsCatalogAdmin { get; } = isCatalogAdmin;

    /// <summary>True when the token was issued for calls through the gateway (audience exchange-gateway).</summary>
    public bool HasGatewayAudience { get; } = hasGatewayAudience;

    /// <summary>The token's audiences, for messages.</summary>
    public string Audiences { get; } = audiences;

    /// <summary>The caller of a principal the JwtBearer handler made from a catalog token (claims as the catalog names them).</summary>
    public static Caller Of(ClaimsPrincipal user, string gatewayAudience)
    {
        var audiences = user.FindAll(AudienceClaim).Select(c => c.Value).ToArray();
        var department = user.FindFirst(DepartmentClaim)?.Value;
        return new Caller(
            user.FindFirst(SubjectClaim)?.Value ?? string.Empty,
            string.IsNullOrEmpty(department) ? null : department,
            user.HasClaim(RoleClaim, CatalogAdminRole),
            audiences.Contains(gatewayAudience, StringComparer.Ordinal),
            string.Join(", ", audiences));
    }
}
