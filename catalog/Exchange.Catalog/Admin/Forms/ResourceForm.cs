using Exchange.Protos.Catalog.V1;
using Display = System.ComponentModel.DataAnnotations.DisplayAttribute;

namespace Exchange.Catalog.Admin.Forms;

/// <summary>
/// The create / edit form of a resource draft. Strings are nullable so that model binding adds no checks of its
/// own: the catalog's domain rules decide what is valid, and their field errors are shown next to the fields.
/// </summary>
public sealed class ResourceForm
{
    /// <summary>Blank data item rows offered below the existing ones; blank rows are ignored on save.</summary>
    public const int BlankRows = 3;

    [Display(Name = "资源代码")]
    public string? Code { get; set; }
    [Display(Name = "名称")]
    public string? Name { get; set; }
    [Display(Name = "描述")]
    public string? Description { get; set; }
    [Display(Name = "提供部门")]
    public string? ProviderDepartmentCode { get; set; }
    [Display(Name = "数据项")]
    public List<DataItemRow> DataItems { get; set; } = [];
    [Display(Name = "共享类型")]
    public ShareType ShareType { get; set; }
    [Display(Name = "共享条件")]
    public string? ShareCondition { get; set; }
    [Display(Name = "更新频率")]
    public UpdateFrequency UpdateFrequency { get; set; }
    [Display(Name = "gRPC 服务")]
    public string? GrpcService { get; set; }

    /// <summary>One method per line (commas and spaces also separate).</summary>
    [Display(Name = "gRPC 方法")]
    public string? GrpcMethods { get; set; }

    [Display(Name = "服务地址")]
    public string? Endpoint { get; set; }

    /// <summary>For an e-licence resource: the licence type codes its provider issues, separated like the methods.</summary>
    [Display(Name = "电子证照类型")]
    public string? LicenceTypeCodes { get; set; }

    public static ResourceForm From(Resource resource) => new()
    {
        Code = resource.Code,
        Name = resource.Name,
        Description = resource.Description,
        ProviderDepartmentCode = resource.ProviderDepartmentCode,
        DataItems = resource.DataItems.Select(item => new DataItemRow
        {
            Name = item.Name,
            Title = item.Title,
            Type = item.Type,
            Sensitivity = item.Sensitivity,
        }).ToList(),
        ShareType = resource.ShareType,
        ShareCondition = resource.ShareCondition,
        UpdateFrequency = resource.UpdateFrequency,
        GrpcService = resource.GrpcService,
        GrpcMethods = string.Join(Environment.NewLine, resource.GrpcMethods),
        Endpoint = resource.Endpoint,
        LicenceTypeCodes = string.Join(Environment.NewLine, resource.LicenceTypeCodes),
    };

    /// <summary>Pads the data item rows with blank ones to fill in.</summary>
    public ResourceForm WithBlankRows()
    {
        while (DataItems.Count(row => row.IsBlank) < BlankRows)
            DataItems.Add(new DataItemRow());
        return this;
    }

    /// <summary>The draft the form describes; <paramref name="rowOfItem"/> maps each data item back to its form row.</summary>
    public Resource ToResource(out IReadOnlyList<int> rowOfItem)
    {
        var resource = new Resource
        {
            Code = Code?.Trim() ?? string.Empty,
            Name = Name ?? string.Empty,
            Description = Description ?? string.Empty,
            ProviderDepartmentCode = ProviderDepartmentCode ?? string.Empty,
            ShareType = ShareType,
            ShareCondition = ShareCondition ?? string.Empty,
            UpdateFrequency = UpdateFrequency,
            GrpcService = GrpcService ?? string.Empty,
            Endpoint = Endpoint ?? string.Empty,
        };
        var rows = new List<int>();
        for (var i = 0; i < DataItems.Count; i++)
        {
            var row = DataItems[i];
            if (row.IsBlank)
                continue;
            rows.Add(i);
            resource.DataItems.Add(new DataItem { Name = row.Name?.Trim() ?? string.Empty, Title = row.Title?.Trim() ?? string.Empty, Type = row.Type, Sensitivity = row.Sensitivity });
        }
        resource.GrpcMethods.Add(ListText.Split(GrpcMethods));
        resource.LicenceTypeCodes.Add(ListText.Split(LicenceTypeCodes));
        rowOfItem = rows;
        return resource;
    }
}

public sealed class DataItemRow
{
    [Display(Name = "名称")]
    public string? Name { get; set; }
    [Display(Name = "标题")]
    public string? Title { get; set; }
    [Display(Name = "类型")]
    public DataType Type { get; set; }
    [Display(Name = "敏感级别")]
    public Sensitivity Sensitivity { get; set; }

    /// <summary>A row with neither name nor title is not a data item (that is how a row is removed).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Title);
}
