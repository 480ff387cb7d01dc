namespace Exchange.SyntheticData;

/// <summary>A person of the population register (公安人口库). The birth date and gender agree with the citizen id.</summary>
public sealed record Resident(
    string CitizenId,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string Ethnicity,
    string RegisteredAddress,
    ResidentStatus Status);
