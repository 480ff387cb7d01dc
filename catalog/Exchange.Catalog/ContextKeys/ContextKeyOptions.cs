using System.ComponentModel.DataAnnotations;

namespace Exchange.Catalog.ContextKeys;

/// <summary>The per-provider exchange-context keys the catalog keeps and hands out. Section <c>ContextKeys</c>.</summary>
public sealed class ContextKeyOptions
{
    public const string Section = "ContextKeys";

    /// <summary>One file per key (owner-only), named department and creation time.</summary>
    [Required]
    public string Directory { get; set; } = ".data/catalog/context-keys";

    /// <summary>A department's current key is replaced when it is older than this.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan Rotation { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a replaced key stays valid, so gateways and providers that have not refreshed yet keep agreeing.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "30.00:00:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromHours(1);
}
