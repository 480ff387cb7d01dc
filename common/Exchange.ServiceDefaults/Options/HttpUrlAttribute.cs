using System.ComponentModel.DataAnnotations;

namespace Exchange.ServiceDefaults.Options;

/// <summary>
/// An absolute http:// or https:// address, as a <see cref="Uri"/> or a string (empty passes: add [Required] when one
/// must be set). Which of the two a service may use (https unless Tls:AllowPlaintext) is the TLS settings' rule.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text when string.IsNullOrWhiteSpace(text) => true,
        string text => Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsHttp(uri),
        Uri uri => uri.IsAbsoluteUri && IsHttp(uri),
        _ => false,
    };

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
}
