namespace Exchange.Licences.Tests;

public sealed class LicenceNumberTests
{
    private const string Issuer = "111100000000130017";

    [Fact]
    public void A_created_number_is_well_formed_and_carries_type_and_issuer()
    {
        var number = LicenceNumber.Create("RIDC", Issuer, 42);

        Assert.Equal(LicenceNumber.Length, number.Length);
        Assert.StartsWith("RIDC" + Issuer + "00000042", number);
        Assert.Null(LicenceNumber.Problem(number));
        Assert.Equal("RIDC", LicenceNumber.TypeCodeOf(number));
        Assert.Equal(Issuer, LicenceNumber.IssuerCreditCodeOf(number));
    }

    [Fact]
    public void Every_single_character_mistype_in_the_serial_is_caught_by_the_check_character()
    {
        var number = LicenceNumber.Create("BLIC", Issuer, 12345678);
        for (var position = 22; position < 30; position++)
        {
            foreach (var digit in "0123456789")
            {
                if (number[position] == digit)
                    continue;
                var mistyped = number[..position] + digit + number[(position + 1)..];
                Assert.Contains("check character", LicenceNumber.Problem(mistyped));
            }
        }
    }

    [Fact]
    public void A_swap_of_adjacent_serial_digits_is_caught()
    {
        var number = LicenceNumber.Create("MARC", Issuer, 12);
        var swapped = number[..28] + number[29] + number[28] + number[30];

        Assert.NotEqual(number, swapped);
        Assert.Contains("check character", LicenceNumber.Problem(swapped));
    }

    [Fact]
    public void A_wrong_check_character_is_named_with_the_expected_one()
    {
        var number = LicenceNumber.Create("SORC", Issuer, 7);
        var wrong = number[..30] + (number[30] == 'A' ? 'B' : 'A');

        Assert.Contains($"'{number[30]}' was expected", LicenceNumber.Problem(wrong));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("RIDC111100000000130017", "must be 31 characters")]
    [InlineData("RIDC11110000000013001700000001-", "only 0-9 and A-Z")]
    [InlineData("RIDC11110000000013001800000001X", "invalid issuer credit code")]
    [InlineData("RIDC1111000000001300170000000AX", "not all digits")]
    public void Malformed_numbers_are_refused_with_the_reason(string number, string reason)
    {
        Assert.Contains(reason, LicenceNumber.Problem(number));
    }

    [Fact]
    public void Typed_input_is_trimmed_and_upper_cased()
    {
        var number = LicenceNumber.Create("RIDC", Issuer, 1);

        Assert.Equal(number, LicenceNumber.Normalise("  " + number.ToLowerInvariant() + " "));
    }
}
