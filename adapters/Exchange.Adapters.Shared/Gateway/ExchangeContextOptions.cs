using System.ComponentModel.DataAnnotations;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// How an adapter checks that a call came through the Exchange gateway, section <c>ExchangeContext</c>
/// (for example <c>--ExchangeContext:TrustedKeysDirectory=/etc/exchange/trusted</c>).
/// </summary>
public sealed class ExchangeContextOptions
{
    public const string Section = "ExchangeContext";

    /// <summary>Public keys (*.pem) of the gateways whose exchange contexts this adapter accepts; re-read when an unknown key appears.</summary>
    [Required]
    public string TrustedKeysDirectory { get; set; } = ".data/keys/trusted";

    /// <summary>The department this adapter serves (for example PUBLIC-SECURITY); a context for another department's resource is refused.</summary>
    [Required]
    [RegularExpression("^[A-Z][A-Z0-9-]*$", ErrorMessage = "ExchangeContext:Department must be a department code such as PUBLIC-SECURITY.")]
    public string Department { get; set; } = string.Empty;
}
