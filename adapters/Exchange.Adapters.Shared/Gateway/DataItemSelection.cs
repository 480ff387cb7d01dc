namespace Exchange.Adapters.Shared.Gateway;

/// <summary>Which data items of a response go out: one bit per item, in the order of <see cref="ResponseDataItems{TResponse}"/>.</summary>
public readonly record struct DataItemSelection(ulong Bits)
{
    public bool Contains(int item) => (Bits & (1UL << item)) != 0;

    public int Count => System.Numerics.BitOperations.PopCount(Bits);
}
