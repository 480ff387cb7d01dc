namespace Exchange.SyntheticData.Generation;

/// <summary>Street addresses in a region: 浙江省杭州市西湖区文三路88号3栋1502室.</summary>
internal static class Addresses
{
    public static string Home(SplitMix64 random, Region region)
    {
        var street = random.Pick(region.Streets);
        var number = random.Next(1, 600);
        return random.Chance(150)
            ? $"{region.AddressPrefix}{street}{number}号{random.Next(1, 7)}0{random.Next(1, 4)}室"
            : $"{region.AddressPrefix}{street}{number}号{random.Next(1, 31)}栋{random.Next(1, 33)}{random.Next(1, 7):D2}室";
    }

    public static string Office(SplitMix64 random, Region region)
    {
        var street = random.Pick(region.Streets);
        var number = random.Next(1, 900);
        return random.Next(3) switch
        {
            0 => $"{region.AddressPrefix}{street}{number}号{random.Next(1, 25)}层{random.Next(1, 30):D2}室",
            1 => $"{region.AddressPrefix}{street}{number}号{random.Next(1, 12)}幢{random.Next(1, 20)}{random.Next(1, 20):D2}室",
            _ => $"{region.AddressPrefix}{street}{number}号",
        };
    }
}
