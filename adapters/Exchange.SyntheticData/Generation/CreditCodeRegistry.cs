using Exchange.Identifiers;

namespace Exchange.SyntheticData.Generation;

/// <summary>Hands out GB 32100 codes that no other enterprise or social organisation of the population holds.</summary>
internal sealed class CreditCodeRegistry
{
    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);

    /// <param name="category">Registration authority and category: 91 enterprise, 92 individual business, 93 cooperative, 51–53 social organisations.</param>
    /// <param name="organisationPrefix">Leading characters of the 9-character organisation code, as newer codes have (MA…, MJ…).</param>
    public string Issue(SplitMix64 random, string category, string regionCode, string organisationPrefix)
    {
        while (true)
        {
            var first17 = category + regionCode + organisationPrefix +
                          random.NextChars(UnifiedSocialCreditCode.Alphabet, 9 - organisationPrefix.Length);
            var code = UnifiedSocialCreditCode.Create(first17);
            if (_issued.Add(code))
                return code;
        }
    }
}
