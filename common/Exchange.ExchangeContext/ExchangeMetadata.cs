using System.Globalization;
using System.Text;

namespace Exchange.ExchangeContext;

/// <summary>gRPC metadata names of Exchange, shared by consumers, the gateway and providers.</summary>
public static class ExchangeMetadata
{
    /// <summary>Set by consumers: the case number (办件编号) of the service item the call is for, as the department writes it, UTF-8 percent-encoded (see <see cref="CaseNumbers"/>).</summary>
    public const string CaseNumber = "x-exchange-case";

    /// <summary>Set by consumers: what the data is for, UTF-8 percent-encoded (as grpc-message is).</summary>
    public const string Purpose = "x-exchange-purpose";

    /// <summary>
    /// Set by consumers at a counter: the code of the service item (政务服务事项) the case is of, for example
    /// PS-HOUSEHOLD-MOVE-SPOUSE. The licence service lets the item's department use the licence types its materials name.
    /// </summary>
    public const string ServiceItem = "x-exchange-service-item";

    /// <summary>Set by the gateway: the serialised <c>SignedExchangeContext</c> (the context and its MAC).</summary>
    public const string Context = "x-exchange-context-bin";

    /// <summary>Set by the gateway on responses: the request id it recorded the call under.</summary>
    public const string RequestId = "x-exchange-request-id";

    /// <summary>Set by providers on responses: the citizen id or credit code the call was about, for the audit log.</summary>
    public const string Holder = "x-exchange-holder";

    /// <summary>Set by providers on responses: the data items actually returned, comma-separated, for the audit log.</summary>
    public const string ReturnedItems = "x-exchange-items";

    /// <summary>
    /// Set by the gateway on responses (a trailer): the returned data items under an open objection (数据异议) about this
    /// holder, comma-separated and percent-encoded; absent when none is. Providers cannot set it.
    /// </summary>
    public const string Objections = "x-exchange-objections";

    /// <summary>UTF-8 percent-encoding of everything outside printable ASCII and '%', as gRPC does for grpc-message.</summary>
    public static string PercentEncode(string value)
    {
        var ascii = true;
        foreach (var c in value)
            ascii &= c is >= ' ' and <= '~' and not '%';
        if (ascii)
            return value;
        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    public static string PercentDecode(string value) =>
        value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;
}
