using System.ComponentModel.DataAnnotations;

namespace Exchange.Catalog.Watch;

/// <summary>Settings of the watch stream, section Catalog:Watch.</summary>
public sealed class WatchOptions
{
    public const string Section = "Catalog:Watch";

    /// <summary>
    /// Changes buffered for one watcher that reads slower than the catalog changes. A watcher that falls
    /// this far behind is dropped (its stream ends with RESOURCE_EXHAUSTED) and reconnects for a fresh snapshot.
    /// </summary>
    [Range(1, 1_000_000)]
    public int SubscriberBufferCapacity { get; set; } = 1024;
}
