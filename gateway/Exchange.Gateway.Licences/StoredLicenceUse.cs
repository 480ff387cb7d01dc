namespace Exchange.Gateway.Licences;

/// <summary>A licence use as stored, with who made it and when.</summary>
public sealed record StoredLicenceUse(
    long Id, long TimeMicros, string LicenceNumber, string TypeCode, string HolderId,
    string Consumer, string CaseNumber, string Purpose, string Action, string RequestId);
