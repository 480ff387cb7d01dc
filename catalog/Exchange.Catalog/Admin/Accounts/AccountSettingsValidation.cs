using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Admin.Accounts;

/// <summary>Refuses to start with an account whose role or department is wrong, naming every such setting.</summary>
internal sealed class AccountSettingsValidation : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var problems = AdminAccountSeeding.Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
