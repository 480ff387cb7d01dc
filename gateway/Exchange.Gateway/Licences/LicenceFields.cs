using Exchange.Protos.Licence.V1;
using Google.Protobuf.Reflection;

namespace Exchange.Gateway.Licences;

/// <summary>Field minimisation of licences in the gateway: a caller receives only the licence fields (data items) its grant names.</summary>
internal static class LicenceFields
{
    private static readonly FieldDescriptor[] Fields = [.. Licence.Descriptor.Fields.InFieldNumberOrder()];

    public static Licence Minimise(Licence licence, IReadOnlyList<string> grantedItems)
    {
        if (Fields.All(f => grantedItems.Contains(f.Name)))
            return licence;
        var minimised = licence.Clone();
        foreach (var field in Fields)
        {
            if (!grantedItems.Contains(field.Name))
                field.Accessor.Clear(minimised);
        }
        return minimised;
    }

    /// <summary>The granted items that are licence fields, comma-separated, for the audit record.</summary>
    public static string Returned(IReadOnlyList<string> grantedItems) =>
        string.Join(',', Fields.Where(f => grantedItems.Contains(f.Name)).Select(f => f.Name));
}
