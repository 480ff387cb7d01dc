using System.Security.Claims;

namespace Exchange.Portal.Identity;

/// <summary>What the catalog's id token says about the signed-in holder.</summary>
public static class HolderClaims
{
    public const string Holder = "holder_id";
    public const string HolderKind = "holder_kind";

    /// <summary>The holder the portal acts for: from the signed id token, never from a form field or query string.</summary>
    public static string HolderId(this ClaimsPrincipal user) =>
        user.FindFirst(Holder)?.Value is { Length: > 0 } holder
            ? holder
            : throw new InvalidOperationException("The signed-in user has no holder claim; the sign-in did not come from the catalog's holder flow.");

    public static bool IsOrganisation(this ClaimsPrincipal user) => user.FindFirst(HolderKind)?.Value == "organisation";
}
