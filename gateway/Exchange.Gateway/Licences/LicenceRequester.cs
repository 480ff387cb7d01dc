namespace Exchange.Gateway.Licences;

/// <summary>The department asking, and for which case and purpose: what the issuer sees in the exchange context.</summary>
internal sealed record LicenceRequester(string Department, string CaseNumber, string Purpose, string RequestId);
