using Exchange.Identifiers;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Adapters.Shared;

/// <summary>Rejects a malformed identifier in a request with INVALID_ARGUMENT naming the field and the rule it breaks.</summary>
public static class IdentifierGuard
{
    public static string CitizenId(string field, string? value)
    {
        var check = Identifiers.CitizenId.Validate(value);
        return check.IsValid ? value! : throw new InvalidFieldException(field, check.Reason);
    }

    public static string CreditCode(string field, string? value)
    {
        var check = UnifiedSocialCreditCode.Validate(value);
        return check.IsValid ? value! : throw new InvalidFieldException(field, check.Reason);
    }
}
