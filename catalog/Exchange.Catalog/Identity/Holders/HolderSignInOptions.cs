using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Identity.Holders;

/// <summary>How citizens and enterprise agents sign in to the portal through the catalog, section HolderSignIn.</summary>
public sealed class HolderSignInOptions : IValidatableObject
{
    public const string Section = "HolderSignIn";

    /// <summary>
    /// The identity service that vouches for a holder. Only <c>demo</c> exists here: a stand-in for the national identity
    /// service that writes each one-time code to the catalog's log. A real deployment names its service instead.
    /// </summary>
    [Required(ErrorMessage = IdentityServiceMessage)]
    public string IdentityService { get; set; } = DemoIdentityStore.Name;

    /// <summary>How long a one-time code may be used.</summary>
    [TimeSpanRange("00:00:00", "00:15:00", MinimumIsExclusive = true, ErrorMessage = "HolderSignIn:CodeLifetime must be between 0 and 15 minutes.")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong codes allowed for one code before it is void.</summary>
    [NumberRange(1, 10, ErrorMessage = "HolderSignIn:MaxCodeAttempts must be between 1 and 10.")]
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>Codes one holder may be sent per <see cref="CodeWindow"/>: bounds guessing across fresh codes.</summary>
    [NumberRange(1, 100, ErrorMessage = "HolderSignIn:MaxCodesPerWindow must be between 1 and 100.")]
    public int MaxCodesPerWindow { get; set; } = 5;

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "HolderSignIn:CodeWindow must be positive.")]
    public TimeSpan CodeWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the portal has to redeem an authorization code.</summary>
    [TimeSpanRange("00:00:00", "00:10:00", MinimumIsExclusive = true, ErrorMessage = "HolderSignIn:AuthorizationCodeLifetime must be between 0 and 10 minutes.")]
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(1);

    private const string IdentityServiceMessage = $"HolderSignIn:IdentityService must be '{DemoIdentityStore.Name}': no other identity service is connected yet.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(IdentityService) && IdentityService != DemoIdentityStore.Name)
            yield return new ValidationResult(IdentityServiceMessage, [nameof(IdentityService)]);
    }
}

[OptionsValidator]
internal sealed partial class HolderSignInOptionsValidator : IValidateOptions<HolderSignInOptions>;
