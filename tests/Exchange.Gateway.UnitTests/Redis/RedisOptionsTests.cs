using Exchange.Gateway.Redis;

namespace Exchange.Gateway.UnitTests.Redis;

public sealed class RedisOptionsTests
{
    private static readonly RedisOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid() => OptionsAssert.Valid(Validator, new RedisOptions());

    [Fact]
    public void Redis_keys_keep_their_prefix() =>
        OptionsAssert.Fails(Validator, new RedisOptions { KeyPrefix = "" }, "Redis:KeyPrefix must not be empty");
}
