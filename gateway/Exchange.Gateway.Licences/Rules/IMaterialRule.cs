using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;

namespace Exchange.Gateway.Licences.Rules;

/// <summary>
/// One rule a department applies to an application before it accepts it, over the facts the shared data holds (for
/// example: neither party of a marriage registration is currently married). A department extends the rule set by adding
/// one sealed class in this folder and one line in <see cref="MaterialRuleExtensions"/>; a rule reads its facts only
/// through <see cref="RuleContext.Facts"/>, so the department's grants decide what it can see.
/// </summary>
internal interface IMaterialRule
{
    /// <summary>Stable code, named in every finding, for example MARRIAGE-NOT-MARRIED.</summary>
    string Code { get; }

    bool AppliesTo(ServiceItem item);

    /// <summary>The findings; none when the facts raise nothing. A fact it could not read is a CANNOT_CHECK finding.</summary>
    Task<IReadOnlyList<Finding>> CheckAsync(RuleContext context, CancellationToken cancellationToken);
}
