using Exchange.Gateway.Context;

namespace Exchange.Gateway.UnitTests.Context;

public sealed class ExchangeContextOptionsTests
{
    private static readonly ExchangeContextOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid() => OptionsAssert.Valid(Validator, new ExchangeContextOptions());

    [Fact]
    public void A_context_lives_at_most_what_providers_accept()
    {
        OptionsAssert.Fails(Validator, new ExchangeContextOptions { Lifetime = TimeSpan.FromMinutes(3) }, "ExchangeContext:Lifetime must be positive and at most 2 minutes (what providers accept).");
        OptionsAssert.Fails(Validator, new ExchangeContextOptions { Lifetime = TimeSpan.Zero }, "ExchangeContext:Lifetime must be positive");
    }

    [Fact]
    public void Key_refresh_and_wait_are_bounded()
    {
        OptionsAssert.Fails(Validator, new ExchangeContextOptions { KeyRefreshInterval = TimeSpan.FromMilliseconds(10) }, "ExchangeContext:KeyRefreshInterval must be at least a second.");
        OptionsAssert.Fails(Validator, new ExchangeContextOptions { KeyWait = TimeSpan.FromSeconds(31) }, "ExchangeContext:KeyWait must be positive and at most 30 seconds.");
    }
}
