using Exchange.SyntheticData;

namespace Exchange.Adapters.CivilAffairs.Store;

/// <summary>A marriage or divorce registration; the certificate number identifies it.</summary>
public sealed class RegisteredMarriage
{
    public required string CertificateNumber { get; init; }
    public required MarriageRegistrationKind Kind { get; init; }
    public required DateOnly RegisteredDate { get; init; }
    public required string RegistrationOffice { get; init; }
    public required string HusbandCitizenId { get; init; }
    public required string HusbandName { get; init; }
    public required string WifeCitizenId { get; init; }
    public required string WifeName { get; init; }
}
