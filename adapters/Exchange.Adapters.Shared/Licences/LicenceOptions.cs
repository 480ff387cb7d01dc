using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Exchange.Identifiers;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>How an adapter issues and signs its e-licences, section <c>Licences</c> (for example <c>--Licences:KeyRotation=30.00:00:00</c>).</summary>
public sealed class LicenceOptions : IValidatableObject
{
    public const string Section = "Licences";

    /// <summary>The issuer key ring (PEM private keys); departments may share it, each reads only its own keys.</summary>
    [Required(ErrorMessage = "Licences:KeyDirectory must name the issuer key ring's directory.")]
    public string KeyDirectory { get; set; } = ".data/licences/keys";

    /// <summary>At start-up a new signing key is made when the current one is at least this old; older keys keep verifying.</summary>
    [TimeSpanRange("00:00:01", "3650.00:00:00", ErrorMessage = "Licences:KeyRotation must be between 1 second and 3650 days.")]
    public TimeSpan KeyRotation { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Unified social credit code of the issuing authority, part of every licence number it issues.</summary>
    [Required(ErrorMessage = "Licences:IssuerCreditCode must be set to the issuing authority's unified social credit code.")]
    public string IssuerCreditCode { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(IssuerCreditCode))
            yield break;
        var check = UnifiedSocialCreditCode.Validate(IssuerCreditCode);
        if (!check.IsValid)
            yield return new ValidationResult($"Licences:IssuerCreditCode {check.Reason}.", [nameof(IssuerCreditCode)]);
    }
}

[OptionsValidator]
internal sealed partial class LicenceOptionsValidator : IValidateOptions<LicenceOptions>;
