using Exchange.Gateway.Licences.Clerk;

namespace Exchange.Gateway.UnitTests.Clerk;

public sealed class ClerkOptionsTests
{
    private static readonly ClerkOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid() => OptionsAssert.Valid(Validator, new ClerkOptions());

    [Fact]
    public void Sign_in_limits_must_be_positive()
    {
        OptionsAssert.Fails(Validator, new ClerkOptions { MaxFailedSignIns = 0 }, "Clerk:MaxFailedSignIns must be at least 1.");
        OptionsAssert.Fails(Validator, new ClerkOptions { LockoutDuration = TimeSpan.Zero }, "Clerk:LockoutDuration must be positive.");
        OptionsAssert.Fails(Validator, new ClerkOptions { SessionLifetime = TimeSpan.FromMinutes(-1) }, "Clerk:SessionLifetime must be positive.");
    }
}
