using Exchange.SyntheticData;

namespace Exchange.Adapters.MarketRegulation.Store;

/// <summary>An entry of the abnormal-operation list or the serious-violation list.</summary>
public sealed class CreditListing
{
    public long Id { get; init; }
    public required string CreditCode { get; init; }
    public required CreditList List { get; init; }
    public required string Reason { get; init; }
    public required DateOnly ListedDate { get; init; }
    public DateOnly? RemovedDate { get; init; }
    public required string DecidingAuthority { get; init; }
}
