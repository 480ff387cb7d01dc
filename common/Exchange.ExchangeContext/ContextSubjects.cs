using System.Buffers;
using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.InteropServices;
using Exchange.Protos.Context.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Exchange.ExchangeContext;

/// <summary>
/// The subject of a call: the holder ids its request message names in fields marked
/// <c>(exchange.context.v1.subject) = true</c>. Which fields those are is read once from the generated descriptors of
/// every Exchange contract; per call only the message bytes are scanned (no reflection, no parse into a message).
/// </summary>
public sealed class ContextSubjects
{
    private readonly FrozenDictionary<string, int[]> _fieldsByMethod;

    private ContextSubjects(FrozenDictionary<string, int[]> fieldsByMethod) => _fieldsByMethod = fieldsByMethod;

    /// <summary>The subject fields of every method of the Exchange contracts (the assembly generated from <c>protos/</c>).</summary>
    public static ContextSubjects FromContracts() => From(ContractFiles(typeof(SignedExchangeContext).Assembly));

    public static ContextSubjects From(IEnumerable<FileDescriptor> files)
    {
        var fields = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var service in file.Services)
            {
                foreach (var method in service.Methods)
                {
                    fields[$"/{service.FullName}/{method.Name}"] = [.. method.InputType.Fields.InFieldNumberOrder()
                        .Where(f => f.FieldType == FieldType.String && !f.IsRepeated && f.GetOptions()?.GetExtension(SubjectExtensions.Subject) == true)
                        .Select(f => f.FieldNumber)];
                }
            }
        }
        return new ContextSubjects(fields.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Whether the method's request message has subject fields.</summary>
    public bool HasSubject(string method) => _fieldsByMethod.TryGetValue(method, out var fields) && fields.Length > 0;

    /// <summary>
    /// The non-empty subject field values of <paramref name="message"/> in field-number order (the last occurrence of a
    /// field wins, as in a parse), or null when the bytes are not a well-formed protobuf message.
    /// </summary>
    public string[]? Read(string method, ReadOnlySequence<byte> message)
    {
        if (!_fieldsByMethod.TryGetValue(method, out var fields) || fields.Length == 0)
            return [];
        var bytes = message.IsSingleSegment && MemoryMarshal.TryGetArray(message.First, out var segment)
            ? segment
            : new ArraySegment<byte>(message.ToArray());
        var values = new string?[fields.Length];
        try
        {
            var input = new CodedInputStream(bytes.Array!, bytes.Offset, bytes.Count);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                var at = Array.IndexOf(fields, WireFormat.GetTagFieldNumber(tag));
                if (at >= 0 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                    values[at] = input.ReadString();
                else
                    input.SkipLastField();
            }
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
        return [.. values.Where(v => !string.IsNullOrEmpty(v))!];
    }

    private static IEnumerable<FileDescriptor> ContractFiles(Assembly contracts) =>
        contracts.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>();
}
