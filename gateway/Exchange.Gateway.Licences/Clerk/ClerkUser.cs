using Exchange.Gateway.Calls;

namespace Exchange.Gateway.Licences.Clerk;

/// <summary>The signed-in clerk, from the session cookie.</summary>
public sealed record ClerkUser(string UserName, string Department, string DisplayName)
{
    /// <summary>The clerk's department asking for a case: the clerk is named in the purpose the issuer sees and the audit keeps.</summary>
    internal LicenceRequester RequesterFor(string caseNumber, string purpose, DateTimeOffset now) =>
        new(Department, caseNumber, $"{purpose}（{UserName}）", RequestIds.New(now));
}
