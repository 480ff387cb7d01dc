using System.Security.Cryptography;
using Exchange.Gateway.UnitTests.InProcess;

namespace Exchange.Gateway.UnitTests.Clerk;

/// <summary>The in-process gateway with a civil affairs counter clerk account: the clerk page's own rules, no issuer behind it.</summary>
public sealed class ClerkPageHost : GatewayHost
{
    public const string Clerk = "clerk-ca";

    public string Password { get; } = RandomNumberGenerator.GetHexString(16, lowercase: true);

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        [$"Clerk:Accounts:{Clerk}:Password"] = Password,
        [$"Clerk:Accounts:{Clerk}:Department"] = "CIVIL-AFFAIRS",
        [$"Clerk:Accounts:{Clerk}:DisplayName"] = "婚姻登记处一号窗口",
    };
}
