using Exchange.Testing;

namespace Exchange.Identifiers.Tests;

public sealed class CitizenIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public static TheoryData<string> ValidVectors => new(IdentifierVectors.Valid(IdentifierVectors.CitizenId));
    public static TheoryData<string, string> InvalidVectors => new(IdentifierVectors.Invalid(IdentifierVectors.CitizenId));

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void Valid_vector_passes(string value)
    {
        var check = CitizenId.Validate(value, Today);

        Assert.True(check.IsValid, check.Reason);
    }

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void Invalid_vector_fails_for_its_stated_reason(string value, string reason)
    {
        var check = CitizenId.Validate(value, Today);

        Assert.False(check.IsValid);
        Assert.Equal(VectorReasons.ExpectedError(reason), check.Error);
        Assert.False(string.IsNullOrWhiteSpace(check.Reason));
    }

    [Fact]
    public void Null_is_empty() =>
        Assert.Equal(IdentifierError.Empty, CitizenId.Validate(null).Error);

    [Fact]
    public void Birth_date_reason_names_the_impossible_date()
    {
        var check = CitizenId.Validate("110105199902301237", Today);

        Assert.Contains("1999-02-30", check.Reason);
    }

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void Create_reproduces_every_valid_vector(string value)
    {
        var rebuilt = CitizenId.Create(value[..6], CitizenId.BirthDateOf(value), int.Parse(value[14..17]));

        Assert.Equal(value, rebuilt);
    }

    [Fact]
    public void Sequence_digit_gives_the_gender()
    {
        Assert.True(CitizenId.IsMale("510107195507220911"));
        Assert.False(CitizenId.IsMale("11010519491231002X"));
    }

    [Fact]
    public void Mask_keeps_first_six_and_last_four() =>
        Assert.Equal("110105********002X", CitizenId.Mask("11010519491231002X"));
}
