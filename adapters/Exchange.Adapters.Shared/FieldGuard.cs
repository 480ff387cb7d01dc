using Exchange.ServiceDefaults.Errors;

namespace Exchange.Adapters.Shared;

/// <summary>Rejects a missing text field in a request with INVALID_ARGUMENT naming the field.</summary>
public static class FieldGuard
{
    /// <summary>The value without surrounding whitespace, which clerks often type by accident.</summary>
    public static string Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidFieldException(field, "is empty") : value.Trim();
}
