using System.Text;
using Exchange.Protos.Licence.V1;

namespace Exchange.Licences;

/// <summary>
/// The bytes a licence signature covers, as documented on <c>exchange.licence.v1.Licence</c>: UTF-8 lines
/// <c>name=value\n</c> ordered by name (ordinal), data items as <c>data_items.&lt;key&gt;</c>, with <c>\</c>, LF and CR
/// escaped in values. Status, revocation and the signature itself are not covered.
/// </summary>
public static class LicenceCanonicalEncoding
{
    public static byte[] Encode(Licence licence)
    {
        var fields = new List<KeyValuePair<string, string>>(12 + licence.DataItems.Count)
        {
            new("licence_number", licence.LicenceNumber),
            new("type_code", licence.TypeCode),
            new("holder_id", licence.HolderId),
            new("holder_name", licence.HolderName),
            new("issuer_department_code", licence.IssuerDepartmentCode),
            new("issuer_credit_code", licence.IssuerCreditCode),
            new("issue_date", licence.IssueDate),
            new("expiry_date", licence.ExpiryDate),
            new("signing_key_id", licence.SigningKeyId),
            new("signature_algorithm", SignatureAlgorithmName(licence.SignatureAlgorithm)),
        };
        foreach (var item in licence.DataItems)
            fields.Add(new("data_items." + item.Key, item.Value));
        fields.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

        var text = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            Escape(text, name);
            text.Append('=');
            Escape(text, value);
            text.Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The proto enum value name, for example <c>SIGNATURE_ALGORITHM_ECDSA_P256_SHA256</c>.</summary>
    public static string SignatureAlgorithmName(SignatureAlgorithm algorithm) =>
        LicenceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("SignatureAlgorithm").FindValueByNumber((int)algorithm)?.Name ?? ((int)algorithm).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Escape(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                default: text.Append(c); break;
            }
        }
    }
}
