using System.Security.Claims;

namespace Exchange.Gateway.Calls;

/// <summary>Who a validated bearer token speaks for.</summary>
public sealed class Caller(string clientId, string? department, bool isCatalogAdmin, bool hasGatewayAudience, string audiences, string? holder = null)
{
    internal const string HolderClaim = "holder_id";
    internal const string ClientIdClaim = "client_id";
    internal const string HolderRole = "holder";

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

    /// <summary>
    /// The citizen id or credit code of the holder a portal token was issued for (role holder, from a sign-in at the
    /// catalog); null for department clients. Such a token reaches only that holder's own licences and records.
    /// </summary>
    public string? Holder { get; } = holder;

    /// <summary>The token's audiences, for messages.</summary>
    public string Audiences { get; } = audiences;

    /// <summary>The caller of a principal the JwtBearer handler made from a catalog token (claims as the catalog names them).</summary>
    public static Caller Of(ClaimsPrincipal user, string gatewayAudience)
    {
        var audiences = user.FindAll(AudienceClaim).Select(c => c.Value).ToArray();
        var department = user.FindFirst(DepartmentClaim)?.Value;
        var holder = user.HasClaim(RoleClaim, HolderRole) ? user.FindFirst(HolderClaim)?.Value : null;
        // A holder's token has the holder as its subject; the client is what acts.
        var client = holder is null ? user.FindFirst(SubjectClaim)?.Value : user.FindFirst(ClientIdClaim)?.Value;
        return new Caller(
            client ?? string.Empty,
            string.IsNullOrEmpty(department) ? null : department,
            user.HasClaim(RoleClaim, CatalogAdminRole),
            audiences.Contains(gatewayAudience, StringComparer.Ordinal),
            string.Join(", ", audiences),
            string.IsNullOrEmpty(holder) ? null : holder);
    }
}
