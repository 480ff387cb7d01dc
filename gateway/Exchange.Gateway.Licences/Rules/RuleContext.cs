using Exchange.Gateway.Licences.Facts;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Licences.Rules;

/// <summary>One applicant of a check: the role they apply in and their citizen id or credit code.</summary>
internal sealed record Party(ApplicantRole Role, string HolderId)
{
    public bool IsPerson => Role.HolderKind == HolderKind.Person;
}

/// <summary>What a rule sees of one check: the service item, the applicants, the shared facts and the day of the check.</summary>
internal sealed record RuleContext(ServiceItem Item, IReadOnlyList<Party> Parties, IFactSource Facts, DateOnly Today)
{
    public Party? InRole(string role) => Parties.FirstOrDefault(p => string.Equals(p.Role.Code, role, StringComparison.Ordinal));

    public IEnumerable<Party> Persons => Parties.Where(p => p.IsPerson);
}
