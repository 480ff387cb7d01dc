using System.ComponentModel.DataAnnotations;

namespace Exchange.Catalog.Identity.Holders;

/// <summary>How citizens and enterprise agents sign in to the portal through the catalog, section HolderSignIn.</summary>
public sealed class HolderSignInOptions
{
    public const string Section = "HolderSignIn";

    /// <summary>
    /// The identity service that vouches for a holder. Only <c>demo</c> exists here: a stand-in for the national identity
    /// service that writes each one-time code to the catalog's log. A real deployment names its service instead.
    /// </summary>
    [Required]
    public string IdentityService { get; set; } = DemoIdentityStore.Name;

    /// <summary>How long a one-time code may be used.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong codes allowed for one code before it is void.</summary>
    [Range(1, 10)]
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>Codes one holder may be sent per <see cref="CodeWindow"/>: bounds guessing across fresh codes.</summary>
    [Range(1, 100)]
    public int MaxCodesPerWindow { get; set; } = 5;

    public TimeSpan CodeWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the portal has to redeem an authorization code.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(1);
}
