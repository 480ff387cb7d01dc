namespace Exchange.SyntheticData.Generation;

/// <summary>Picks items in proportion to integer weights, so frequent surnames and ethnic groups come up as often as in life.</summary>
internal sealed class WeightedChoice<T>
{
    private readonly T[] _items;
    private readonly int[] _cumulative;

    public WeightedChoice(IReadOnlyList<(T Item, int Weight)> entries)
    {
        _items = new T[entries.Count];
        _cumulative = new int[entries.Count];
        var total = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            total += entries[i].Weight;
            _items[i] = entries[i].Item;
            _cumulative[i] = total;
        }
    }

    public T Pick(SplitMix64 random)
    {
        var target = random.Next(_cumulative[^1]);
        var index = Array.BinarySearch(_cumulative, target + 1);
        return _items[index >= 0 ? index : ~index];
    }
}
