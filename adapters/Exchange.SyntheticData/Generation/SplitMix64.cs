namespace Exchange.SyntheticData.Generation;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014). Used instead of <see cref="Random"/>, whose sequence for a given seed
/// is not guaranteed to stay the same across .NET versions.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>An independent stream for one generation stage, so that resizing one stage leaves the others unchanged.</summary>
    public static SplitMix64 ForStage(ulong seed, ulong stage) => new(seed ^ (stage * 0xD1B54A32D192ED03UL));

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ result &lt; <paramref name="maxExclusive"/>; the modulo bias is far below anything a test could see.</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>True with a probability of <paramref name="perMille"/> in a thousand.</summary>
    public bool Chance(int perMille) => Next(1000) < perMille;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public DateOnly NextDate(DateOnly fromInclusive, DateOnly toInclusive) =>
        DateOnly.FromDayNumber(Next(fromInclusive.DayNumber, toInclusive.DayNumber + 1));

    public string NextChars(string alphabet, int count) =>
        string.Create(count, (this, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = state.alphabet[state.Item1.Next(state.alphabet.Length)];
        });
}
