using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Redis;

/// <summary>Where the shared cache lives (section <c>Redis</c>).</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string, for example <c>127.0.0.1:6379</c>. Empty: no Redis, the gateway
    /// caches in its own memory, which is right only for a single gateway instance.
    /// </summary>
    public string Configuration { get; set; } = string.Empty;

    /// <summary>Prefix of every key and channel, so several exchanges can share one Redis.</summary>
    [Required(ErrorMessage = "Redis:KeyPrefix must not be empty: every key and channel starts with it.")]
    public string KeyPrefix { get; set; } = "exchange:";
}

[OptionsValidator]
internal sealed partial class RedisOptionsValidator : IValidateOptions<RedisOptions>;
