namespace Exchange.SyntheticData;

/// <summary>One marriage or divorce registration (婚姻登记) between two residents.</summary>
public sealed record MarriageRegistration(
    MarriageRegistrationKind Kind,
    string CertificateNumber,
    DateOnly RegisteredDate,
    string RegistrationOffice,
    string HusbandCitizenId,
    string HusbandName,
    string WifeCitizenId,
    string WifeName);
