using Microsoft.Extensions.Options;

namespace Exchange.Gateway.UnitTests;

/// <summary>Runs an options class's source-generated validator as start-up would.</summary>
internal static class OptionsAssert
{
    public static void Valid<TOptions>(IValidateOptions<TOptions> validator, TOptions options) where TOptions : class
    {
        var result = validator.Validate(Options.DefaultName, options);
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    /// <summary>The one failure <paramref name="options"/> has, which must contain <paramref name="message"/>.</summary>
    public static void Fails<TOptions>(IValidateOptions<TOptions> validator, TOptions options, string message) where TOptions : class
    {
        var result = validator.Validate(Options.DefaultName, options);
        Assert.True(result.Failed, $"expected a failure containing \"{message}\"");
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(message, failure);
    }
}
