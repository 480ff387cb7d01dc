using Grpc.Core;

namespace Exchange.Gateway.Licences.Facts;

/// <summary>
/// One record a material check read from a provider on a department's behalf — an exchange like any data call, so it is
/// recorded like one: who read what about whom, for which case, and what came of it.
/// </summary>
internal sealed record FactRead(
    LicenceRequester Requester,
    string Provider,
    string ResourceCode,
    string Method,
    string HolderId,
    IReadOnlyList<string> DataItems,
    StatusCode Status,
    string StatusMessage,
    DateTimeOffset Started,
    TimeSpan Latency);

/// <summary>Where fact reads are recorded; the audit log implements it, so the licence broker depends on no audit type.</summary>
internal interface IFactReadRecorder
{
    /// <summary>Completes once the record is durable: a fact is used only after its reading is on record.</summary>
    Task RecordAsync(FactRead read);
}
