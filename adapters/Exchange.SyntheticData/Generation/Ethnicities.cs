namespace Exchange.SyntheticData.Generation;

/// <summary>Ethnic groups weighted roughly by their share of the population (汉族 about 91%).</summary>
internal static class Ethnicities
{
    public const string Han = "汉族";

    private static readonly WeightedChoice<string> Choice = new(
    [
        (Han, 9100), ("壮族", 130), ("维吾尔族", 80), ("回族", 80), ("满族", 75), ("苗族", 70), ("彝族", 70),
        ("土家族", 70), ("藏族", 45), ("蒙古族", 45), ("侗族", 20), ("布依族", 20), ("瑶族", 20), ("白族", 15),
        ("朝鲜族", 13), ("哈尼族", 12), ("黎族", 11), ("哈萨克族", 11), ("傣族", 10),
    ]);

    public static string Pick(SplitMix64 random) => Choice.Pick(random);
}
