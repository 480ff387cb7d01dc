using Exchange.Catalog.ContextKeys;

namespace Exchange.Catalog.UnitTests.ContextKeys;

public sealed class ContextKeyOptionsTests
{
    private static readonly ContextKeyOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid() => OptionsAssert.Valid(Validator, new ContextKeyOptions());

    [Fact]
    public void Grace_is_shorter_than_rotation() =>
        OptionsAssert.Fails(Validator, new ContextKeyOptions { Rotation = TimeSpan.FromHours(1), Grace = TimeSpan.FromHours(2) },
            "ContextKeys:Grace must be shorter than ContextKeys:Rotation.");

    [Fact]
    public void Rotation_and_grace_are_bounded()
    {
        OptionsAssert.Fails(Validator, new ContextKeyOptions { Rotation = TimeSpan.FromSeconds(50), Grace = TimeSpan.FromSeconds(30) }, "ContextKeys:Rotation must be between 1 minute and 3650 days.");
        OptionsAssert.Fails(Validator, new ContextKeyOptions { Grace = TimeSpan.FromSeconds(1) }, "ContextKeys:Grace must be between 30 seconds and 30 days.");
    }
}
