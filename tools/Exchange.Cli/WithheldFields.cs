using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Exchange.Cli;

/// <summary>
/// The fields of a minimised reply that carry nothing: the gateway and the provider return only the data items the
/// caller's grant names, so a field left unset was withheld (or is empty at the source). Printed as paths
/// (<c>resident.address</c>, <c>records[].spouse_name</c>) instead of as "" or an _UNSPECIFIED enum value.
/// </summary>
internal static class WithheldFields
{
    public static IReadOnlyList<string> Of(IMessage message)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Collect(message, prefix: string.Empty, paths);
        return [.. paths];
    }

    private static void Collect(IMessage message, string prefix, SortedSet<string> paths)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap || field.IsRepeated)
            {
                var list = (System.Collections.IList?)(field.IsMap ? null : value);
                var count = field.IsMap ? ((System.Collections.ICollection)value).Count : list!.Count;
                if (count == 0)
                    paths.Add(path);
                else if (!field.IsMap && field.FieldType == FieldType.Message)
                {
                    foreach (IMessage element in list!)
                        Collect(element, path + "[].", paths);
                }
                continue;
            }
            if (field.FieldType == FieldType.Message)
            {
                if (value is IMessage nested)
                    Collect(nested, path + ".", paths);
                else
                    paths.Add(path);
                continue;
            }
            if (field.HasPresence ? !field.Accessor.HasValue(message) : IsDefault(field, value))
                paths.Add(path);
        }
    }

    private static bool IsDefault(FieldDescriptor field, object value) => field.FieldType switch
    {
        FieldType.String => ((string)value).Length == 0,
        FieldType.Bytes => ((ByteString)value).IsEmpty,
        FieldType.Bool => !(bool)value,
        FieldType.Enum => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0,
        _ => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) == 0,
    };
}
