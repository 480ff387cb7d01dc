using Exchange.Testing;

namespace Exchange.Identifiers.Tests;

public sealed class UnifiedSocialCreditCodeTests
{
    public static TheoryData<string> ValidVectors => new(IdentifierVectors.Valid(IdentifierVectors.CreditCode));
    public static TheoryData<string, string> InvalidVectors => new(IdentifierVectors.Invalid(IdentifierVectors.CreditCode));

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void Valid_vector_passes(string value)
    {
        var check = UnifiedSocialCreditCode.Validate(value);

        Assert.True(check.IsValid, check.Reason);
    }

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void Invalid_vector_fails_for_its_stated_reason(string value, string reason)
    {
        var check = UnifiedSocialCreditCode.Validate(value);

        Assert.False(check.IsValid);
        Assert.Equal(VectorReasons.ExpectedError(reason), check.Error);
        Assert.False(string.IsNullOrWhiteSpace(check.Reason));
    }

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void Create_reproduces_every_valid_vector(string value) =>
        Assert.Equal(value, UnifiedSocialCreditCode.Create(value[..17]));

    [Fact]
    public void Check_character_reason_names_the_expected_character()
    {
        var check = UnifiedSocialCreditCode.Validate("9133010641AMCFMR9H");

        Assert.Contains("'R'", check.Reason);
    }
}
