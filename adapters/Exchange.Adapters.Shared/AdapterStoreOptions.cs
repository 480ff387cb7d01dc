using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared;

/// <summary>Settings of an adapter's store, section <c>AdapterStore</c> (for example <c>--AdapterStore:SeedOnStart=false</c>).</summary>
public sealed class AdapterStoreOptions
{
    public const string Section = "AdapterStore";

    /// <summary>Fill an empty store from the synthetic population before serving.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>Rows saved per round trip while seeding; all batches share one transaction.</summary>
    [NumberRange(100, 100_000, ErrorMessage = "AdapterStore:SeedBatchSize must be between 100 and 100000.")]
    public int SeedBatchSize { get; set; } = 2_000;

    /// <summary>
    /// The day seeded licences are valid or expired as of (ISO date, for example <c>2026-12-05</c>); unset, the day the
    /// licence store is first seeded, so the intended share of expired identity cards and certificates holds then.
    /// </summary>
    public DateOnly? ReferenceDate { get; set; }
}

[OptionsValidator]
internal sealed partial class AdapterStoreOptionsValidator : IValidateOptions<AdapterStoreOptions>;
