using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Watch;

/// <summary>Settings of the watch stream, section Catalog:Watch.</summary>
public sealed class WatchOptions
{
    public const string Section = "Catalog:Watch";

    /// <summary>
    /// Changes buffered for one watcher that reads slower than the catalog changes. A watcher that falls
    /// this far behind is dropped (its stream ends with RESOURCE_EXHAUSTED) and reconnects for a fresh snapshot.
    /// </summary>
    [NumberRange(1, 1_000_000, ErrorMessage = "Catalog:Watch:SubscriberBufferCapacity must be between 1 and 1000000.")]
    public int SubscriberBufferCapacity { get; set; } = 1024;
}

[OptionsValidator]
internal sealed partial class WatchOptionsValidator : IValidateOptions<WatchOptions>;
