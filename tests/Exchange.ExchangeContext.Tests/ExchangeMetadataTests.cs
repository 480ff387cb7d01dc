namespace Exchange.ExchangeContext.Tests;

public sealed class ExchangeMetadataTests
{
    [Theory]
    [InlineData("婚姻登记核验户籍")]
    [InlineData("办理不动产登记（继承）: 核实配偶 100% 信息")]
    [InlineData("emoji 🧾 and tab\t")]
    public void Percent_encoding_round_trips_and_leaves_only_printable_ascii(string purpose)
    {
        var encoded = ExchangeMetadata.PercentEncode(purpose);

        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.NotEqual(purpose, encoded);
        Assert.Equal(purpose, ExchangeMetadata.PercentDecode(encoded));
    }

    [Fact]
    public void Chinese_text_is_encoded_as_utf8_bytes()
    {
        Assert.Equal("%E5%A9%9A%E5%A7%BB", ExchangeMetadata.PercentEncode("婚姻"));
    }

    [Theory]
    [InlineData("marriage registration check")]
    [InlineData("case HY-2026/0001")]
    public void Printable_ascii_without_percent_is_sent_as_is(string purpose)
    {
        Assert.Same(purpose, ExchangeMetadata.PercentEncode(purpose));
        Assert.Equal(purpose, ExchangeMetadata.PercentDecode(purpose));
    }

    [Fact]
    public void A_literal_percent_survives_the_round_trip()
    {
        var encoded = ExchangeMetadata.PercentEncode("50% 核验");

        Assert.StartsWith("50%25 ", encoded);
        Assert.Equal("50% 核验", ExchangeMetadata.PercentDecode(encoded));
    }
}
