using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Grants;

/// <summary>A grant prepared for per-call checks: its period as ticks and its data items as an array.</summary>
internal sealed class GrantEntry
{
    public GrantEntry(Grant grant)
    {
        Grant = grant;
        ValidFromTicks = grant.ValidFrom?.ToDateTimeOffset().UtcTicks ?? DateTimeOffset.MinValue.UtcTicks;
        ValidUntilTicks = grant.ValidUntil?.ToDateTimeOffset().UtcTicks ?? DateTimeOffset.MaxValue.UtcTicks;
        DataItems = [.. grant.DataItems];
    }

    public Grant Grant { get; }

    public long ValidFromTicks { get; }

    public long ValidUntilTicks { get; }

    public string[] DataItems { get; }

    public bool IsInForceAt(long utcTicks) => ValidFromTicks <= utcTicks && utcTicks < ValidUntilTicks;
}
