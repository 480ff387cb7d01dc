using Exchange.Gateway.RateLimits;

namespace Exchange.Gateway.UnitTests.RateLimits;

public sealed class RateLimitOptionsTests
{
    private static readonly RateLimitOptionsValidator Validator = new();

    [Fact]
    public void Defaults_and_a_department_override_are_valid() =>
        OptionsAssert.Valid(Validator, new RateLimitOptions { Consumers = { ["CIVIL-AFFAIRS"] = new ConsumerRateLimit { PermitsPerSecond = 10 } } });

    [Fact]
    public void Rate_must_be_at_least_one() =>
        OptionsAssert.Fails(Validator, new RateLimitOptions { PermitsPerSecond = 0 }, "RateLimits:PermitsPerSecond must be at least 1.");

    [Fact]
    public void Burst_must_be_at_least_one() =>
        OptionsAssert.Fails(Validator, new RateLimitOptions { Burst = -1 }, "RateLimits:Burst must be at least 1.");

    [Fact]
    public void Fallback_instances_must_be_at_least_one() =>
        OptionsAssert.Fails(Validator, new RateLimitOptions { FallbackInstances = 0 }, "RateLimits:FallbackInstances must be at least 1.");

    [Fact]
    public void A_department_override_names_its_key() =>
        OptionsAssert.Fails(Validator, new RateLimitOptions { Consumers = { ["CIVIL-AFFAIRS"] = new ConsumerRateLimit { Burst = 0 } } },
            "RateLimits:Consumers:CIVIL-AFFAIRS:Burst must be at least 1");
}
