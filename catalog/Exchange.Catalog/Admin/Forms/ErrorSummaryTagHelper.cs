using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Exchange.Catalog.Admin.Forms;

/// <summary>
/// <c>&lt;error-summary for="Form" /&gt;</c>: every field error of the form in one list above it, each named by its field
/// ("名称：必填。", "第 2 个数据项的标题：必填。") and linked to the field, so that a long form's errors can be read and
/// reached from the top. The names are the form's <c>[Display]</c> names, the ones its labels show.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed partial class ErrorSummaryTagHelper(IModelMetadataProvider metadata) : TagHelper
{
    /// <summary>The form's property on the page model, whose name prefixes its fields' keys.</summary>
    [HtmlAttributeName("for")]
    public string Prefix { get; set; } = string.Empty;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "ul";
        output.TagMode = TagMode.StartTagAndEndTag;
        var formType = ViewContext.ViewData.ModelMetadata.Properties[Prefix]?.ModelType
                       ?? throw new InvalidOperationException($"The page model has no property {Prefix}.");
        foreach (var (key, entry) in ViewContext.ModelState)
        {
            if (entry is null || !key.StartsWith(Prefix + ".", StringComparison.Ordinal))
                continue;
            foreach (var error in entry.Errors)
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + TagBuilder.CreateSanitizedId(key, "_");
                link.InnerHtml.Append($"{FieldName(formType, key[(Prefix.Length + 1)..])}：{error.ErrorMessage}");
                var item = new TagBuilder("li");
                item.InnerHtml.AppendHtml(link);
                output.Content.AppendHtml(item);
            }
        }
        if (output.Content.IsEmptyOrWhiteSpace)
            output.SuppressOutput();
    }

    /// <summary>"Name" → 名称; "DataItems[1].Title" → 第 2 个数据项的标题; "DataItems" → 数据项.</summary>
    private string FieldName(Type formType, string path)
    {
        var type = formType;
        var names = new List<string>();
        foreach (var step in path.Split('.'))
        {
            var match = IndexedStep().Match(step);
            var property = metadata.GetMetadataForType(type).Properties[match.Groups["name"].Value];
            if (property is null)
                return string.Join("的", names.Append(step));
            var name = property.DisplayName ?? property.PropertyName ?? step;
            if (match.Groups["index"].Success && property.ElementType is { } element)
            {
                var position = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) + 1;
                names.Add($"第 {position} 个{name}");
                type = element;
            }
            else
            {
                names.Add(name);
                type = property.ModelType;
            }
        }
        return string.Join("的", names);
    }

    [GeneratedRegex(@"^(?<name>[^\[]+)(\[(?<index>\d+)\])?$")]
    private static partial Regex IndexedStep();
}
