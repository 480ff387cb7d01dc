using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Catalog.Domain;

/// <summary>
/// What any draft must satisfy to be stored at all. Drafts may be incomplete (that is what
/// <see cref="PublicationCheck"/> catches); they may not be malformed.
/// </summary>
public static class ResourceDraftRules
{
    public const int MaxNameLength = 200;

    /// <summary>A description is a paragraph or two for the people who apply; a longer text belongs in a linked document.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <exception cref="InvalidFieldException">naming the first malformed field.</exception>
    public static Resource Require(Resource? resource)
    {
        if (resource is null)
            throw new InvalidFieldException("resource", "is required");
        if (Problems(resource).FirstOrDefault() is { Field: not null } first)
            throw new InvalidFieldException(first.Field, first.Reason);
        return resource;
    }

    /// <summary>Every malformed field of the draft, in the form's order, so a person can fix them all at once.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Problems(Resource resource)
    {
        var problems = new List<(string Field, string Reason)>();
        if (CatalogCode.Problem(resource.Code) is { } codeProblem)
            problems.Add(("resource.code", codeProblem));
        if (string.IsNullOrWhiteSpace(resource.Name))
            problems.Add(("resource.name", "is required"));
        else if (resource.Name.Trim().Length > MaxNameLength)
            problems.Add(("resource.name", $"must be at most {MaxNameLength} characters"));
        if (resource.Description.Trim().Length > MaxDescriptionLength)
            problems.Add(("resource.description", $"must be at most {MaxDescriptionLength} characters"));
        if (!Enum.IsDefined(resource.ShareType))
            problems.Add(("resource.share_type", $"{(int)resource.ShareType} is not a known share type"));
        if (!Enum.IsDefined(resource.UpdateFrequency))
            problems.Add(("resource.update_frequency", $"{(int)resource.UpdateFrequency} is not a known update frequency"));

        for (var i = 0; i < resource.DataItems.Count; i++)
        {
            var item = resource.DataItems[i];
            if (!Enum.IsDefined(item.Type))
                problems.Add(($"resource.data_items[{i}].type", $"{(int)item.Type} is not a known data type"));
            if (!Enum.IsDefined(item.Sensitivity))
                problems.Add(($"resource.data_items[{i}].sensitivity", $"{(int)item.Sensitivity} is not a known sensitivity"));
        }
        return problems;
    }
}
