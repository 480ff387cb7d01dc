using System.Text.RegularExpressions;

namespace Exchange.Catalog.Admin.Forms;

/// <summary>Maps the catalog domain's field paths (resource.data_items[2].type) to the form's model state keys (Form.DataItems[5].Type).</summary>
public static partial class FieldKeys
{
    public static string OfResourceField(string prefix, string field, IReadOnlyList<int> rowOfItem)
    {
        if (DataItemField().Match(field) is { Success: true } item)
        {
            var index = int.Parse(item.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var row = index < rowOfItem.Count ? rowOfItem[index] : index;
            return $"{prefix}.DataItems[{row}].{Pascal(item.Groups[2].Value)}";
        }
        var name = field.StartsWith("resource.", StringComparison.Ordinal) ? field["resource.".Length..] : field;
        return $"{prefix}.{Pascal(name)}";
    }

    /// <summary>Maps a service item rule's field (materials[2].resource_code) to the form's key (Form.Materials[3].ReplacedBy).</summary>
    public static string OfServiceItemField(string prefix, string field, IReadOnlyList<int> rowOfRole, IReadOnlyList<int> rowOfMaterial)
    {
        if (RowField().Match(field) is { Success: true } row)
        {
            var (rows, list) = row.Groups[1].Value == "roles" ? (rowOfRole, "Roles") : (rowOfMaterial, "Materials");
            var index = int.Parse(row.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var property = row.Groups[3].Value is "licence_type_code" or "resource_code" ? "ReplacedBy" : Pascal(row.Groups[3].Value);
            return $"{prefix}.{list}[{(index < rows.Count ? rows[index] : index)}].{property}";
        }
        var name = field.StartsWith("service_item.", StringComparison.Ordinal) ? field["service_item.".Length..] : field;
        return $"{prefix}.{Pascal(name)}";
    }

    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    [GeneratedRegex(@"^(?:service_item\.)?(roles|materials)\[(\d+)\]\.([a-z_]+)$")]
    private static partial Regex RowField();

    [GeneratedRegex(@"^resource\.data_items\[(\d+)\]\.([a-z_]+)$")]
    private static partial Regex DataItemField();
}
