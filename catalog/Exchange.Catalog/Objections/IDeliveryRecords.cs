namespace Exchange.Catalog.Objections;

/// <summary>A call through the gateway as its audit log recorded it: what a consumer department received.</summary>
public sealed record Delivery(
    string RequestId,
    string ConsumerDepartmentCode,
    string ProviderDepartmentCode,
    string ResourceCode,
    string HolderId,
    IReadOnlyList<string> DataItems,
    string Status);

/// <summary>Where a department's claim to have received data is checked: the gateway's audit log.</summary>
public interface IDeliveryRecords
{
    /// <summary>The consumer's call <paramref name="requestId"/> about <paramref name="holderId"/> on <paramref name="resourceCode"/>, or null.</summary>
    /// <exception cref="Exchange.ServiceDefaults.Errors.UnavailableException">when the audit log cannot be read.</exception>
    Task<Delivery?> FindAsync(string consumerDepartmentCode, string resourceCode, string holderId, string requestId, CancellationToken cancellationToken);
}
