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

    /// <exception cref="InvalidFieldException">naming the first malformed field.</exception>
    public static Resource Require(Resource? resource)
    {
        if (resource is null)
            throw new InvalidFieldException("resource", "is required");

        if (CatalogCode.Problem(resource.Code) is { } codeProblem)
            throw new InvalidFieldException("resource.code", codeProblem);
        if (string.IsNullOrWhiteSpace(resource.Name))
            throw new InvalidFieldException("resource.name", "is required");
        if (resource.Name.Trim().Length > MaxNameLength)
            throw new InvalidFieldException("resource.name", $"must be at most {MaxNameLength} characters");
        if (!Enum.IsDefined(resource.ShareType))
            throw new InvalidFieldException("resource.share_type", $"{(int)resource.ShareType} is not a known share type");
        if (!Enum.IsDefined(resource.UpdateFrequency))
            throw new InvalidFieldException("resource.update_frequency", $"{(int)resource.UpdateFrequency} is not a known update frequency");

        for (var i = 0; i < resource.DataItems.Count; i++)
        {
            var item = resource.DataItems[i];
            if (!Enum.IsDefined(item.Type))
                throw new InvalidFieldException($"resource.data_items[{i}].type", $"{(int)item.Type} is not a known data type");
            if (!Enum.IsDefined(item.Sensitivity))
                throw new InvalidFieldException($"resource.data_items[{i}].sensitivity", $"{(int)item.Sensitivity} is not a known sensitivity");
        }

        return resource;
    }
}
