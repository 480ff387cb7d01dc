using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Witness;

/// <summary>The catalog as a witness of the gateways' audit logs. Section <c>Witness</c>.</summary>
public sealed class WitnessOptions
{
    public const string Section = "Witness";

    /// <summary>The catalog's countersigning key (ECDSA P-256, created if missing).</summary>
    [Required(ErrorMessage = "Witness:SigningKeyPath must be set.")]
    public string SigningKeyPath { get; set; } = ".data/catalog/witness.pem";

    /// <summary>Public audit keys of the gateways whose checkpoints the catalog accepts (re-read for an unknown key id); no others.</summary>
    [Required(ErrorMessage = "Witness:TrustedLogKeysDirectory must be set.")]
    public string TrustedLogKeysDirectory { get; set; } = ".data/keys/audit-trusted";

    /// <summary>The name in the catalog's countersignatures.</summary>
    [Required(ErrorMessage = "Witness:Name must be set.")]
    public string Name { get; set; } = "catalog";
}

[OptionsValidator]
internal sealed partial class WitnessOptionsValidator : IValidateOptions<WitnessOptions>;
