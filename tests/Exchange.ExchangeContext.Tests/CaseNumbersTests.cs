namespace Exchange.ExchangeContext.Tests;

/// <summary>Case numbers as departments write them, Chinese included; nothing that would read differently in the audit log.</summary>
public sealed class CaseNumbersTests
{
    [Theory]
    [InlineData("民婚字(2026)第12号")]
    [InlineData("民婚字（2026）第12号")]
    [InlineData("浙公户〔2026〕0815")]
    [InlineData("CA-2026-000123")]
    [InlineData("SCJG 2026/0815")]
    public void Case_numbers_as_departments_write_them_are_accepted(string caseNumber)
    {
        Assert.Null(CaseNumbers.Problem(caseNumber));
        Assert.Equal(caseNumber, ExchangeMetadata.PercentDecode(ExchangeMetadata.PercentEncode(caseNumber)));
    }

    [Theory]
    [InlineData("", "请填写办件编号")]
    [InlineData("民婚字\u202E(2026)", "U+202E")]
    [InlineData("CA\n2026", "U+000A")]
    [InlineData("CA\u200B2026", "U+200B")]
    public void Empty_control_format_and_bidirectional_characters_are_refused(string caseNumber, string expected) =>
        Assert.Contains(expected, CaseNumbers.Problem(caseNumber));

    [Fact]
    public void A_case_number_longer_than_64_characters_is_refused() =>
        Assert.Contains("过长", CaseNumbers.Problem(new string('号', CaseNumbers.MaxLength + 1)));
}
