using Exchange.Catalog.Store;
using Exchange.Protos.Catalog.V1;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Catalog.Domain;

/// <summary>Copies resource fields between the contract and the store.</summary>
public static class ResourceMapping
{
    public static Department ToContract(this DepartmentRecord department) => new()
    {
        Code = department.Code,
        Name = department.Name,
        CreditCode = department.CreditCode,
    };

    public static Resource ToContract(this ResourceEntry draft)
    {
        var resource = Fields(draft);
        resource.Version = 0;
        resource.State = ResourceState.Draft;
        return resource;
    }

    public static Resource ToContract(this ResourceVersion version)
    {
        var resource = Fields(version);
        resource.Version = version.Version;
        resource.State = version.State switch
        {
            VersionState.Published => ResourceState.Published,
            VersionState.Superseded => ResourceState.Superseded,
            VersionState.Deprecated => ResourceState.Deprecated,
            _ => ResourceState.Unspecified,
        };
        resource.PublishTime = Timestamp.FromDateTimeOffset(version.PublishTime);
        return resource;
    }

    /// <summary>Overwrites every descriptive field of <paramref name="target"/> with the request's; output-only fields are ignored.</summary>
    public static void CopyFrom(this ResourceDefinition target, Resource source)
    {
        target.Name = source.Name.Trim();
        target.Description = source.Description.Trim();
        target.ProviderDepartmentCode = source.ProviderDepartmentCode.Trim();
        target.DataItems = source.DataItems.Select(item => new DataItemRecord
        {
            Name = item.Name.Trim(),
            Title = item.Title.Trim(),
            Type = item.Type,
            Sensitivity = item.Sensitivity,
        }).ToList();
        target.ShareType = source.ShareType;
        target.ShareCondition = source.ShareCondition.Trim();
        target.UpdateFrequency = source.UpdateFrequency;
        target.GrpcService = source.GrpcService.Trim();
        target.GrpcMethods = source.GrpcMethods.Select(method => method.Trim()).ToList();
        target.Endpoint = source.Endpoint.Trim();
        target.LicenceTypeCodes = source.LicenceTypeCodes.Select(type => type.Trim()).ToList();
    }

    public static void CopyFrom(this ResourceDefinition target, ResourceDefinition source)
    {
        target.Name = source.Name;
        target.Description = source.Description;
        target.ProviderDepartmentCode = source.ProviderDepartmentCode;
        target.DataItems = source.DataItems.Select(item => new DataItemRecord
        {
            Name = item.Name,
            Title = item.Title,
            Type = item.Type,
            Sensitivity = item.Sensitivity,
        }).ToList();
        target.ShareType = source.ShareType;
        target.ShareCondition = source.ShareCondition;
        target.UpdateFrequency = source.UpdateFrequency;
        target.GrpcService = source.GrpcService;
        target.GrpcMethods = [.. source.GrpcMethods];
        target.Endpoint = source.Endpoint;
        target.LicenceTypeCodes = [.. source.LicenceTypeCodes];
    }

    private static Resource Fields(ResourceDefinition definition)
    {
        var resource = new Resource
        {
            Code = definition.Code,
            Name = definition.Name,
            Description = definition.Description,
            ProviderDepartmentCode = definition.ProviderDepartmentCode,
            ShareType = definition.ShareType,
            ShareCondition = definition.ShareCondition,
            UpdateFrequency = definition.UpdateFrequency,
            GrpcService = definition.GrpcService,
            Endpoint = definition.Endpoint,
        };
        resource.DataItems.Add(definition.DataItems.Select(item => new DataItem
        {
            Name = item.Name,
            Title = item.Title,
            Type = item.Type,
            Sensitivity = item.Sensitivity,
        }));
        resource.GrpcMethods.Add(definition.GrpcMethods);
        resource.LicenceTypeCodes.Add(definition.LicenceTypeCodes);
        return resource;
    }
}
