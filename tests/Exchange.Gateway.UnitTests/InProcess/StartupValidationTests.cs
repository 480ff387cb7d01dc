using Microsoft.Extensions.Options;

namespace Exchange.Gateway.UnitTests.InProcess;

/// <summary>The real gateway with one bad setting: it must not start, and must say which key to fix.</summary>
public sealed class StartupValidationTests
{
    private sealed class ZeroBurstHost : GatewayHost
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["RateLimits:Burst"] = "0" };
    }

    [Fact]
    public async Task A_bad_setting_stops_start_up_naming_the_key()
    {
        await using var host = new ZeroBurstHost();

        var refused = Assert.Throws<OptionsValidationException>(() => host.Services);

        Assert.Equal(typeof(Exchange.Gateway.RateLimits.RateLimitOptions), refused.OptionsType);
        Assert.Contains("RateLimits:Burst must be at least 1.", refused.Message);
    }
}
