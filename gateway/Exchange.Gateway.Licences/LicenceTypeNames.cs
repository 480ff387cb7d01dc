using Exchange.Labels;

namespace Exchange.Gateway.Licences;

/// <summary>Chinese names of the licence types, for clerks; the names live with the types' schemas in Exchange.Labels.</summary>
internal static class LicenceTypeNames
{
    public static string Of(string typeCode) => LicenceSchemas.NameOf(typeCode);
}
