using System.Collections.Frozen;
using System.Reflection;
using Exchange.Protos.Context.V1;
using Google.Protobuf.Reflection;

namespace Exchange.Gateway.Routing;

/// <summary>
/// The request paths of the unary methods of the Exchange contracts (the assembly generated from <c>protos/</c>): a call
/// to one of them is answered with exactly one message, so its answer can be sent whole once its record is durable.
/// </summary>
internal static class UnaryMethods
{
    private static readonly FrozenSet<string> Paths = typeof(SignedExchangeContext).Assembly.GetExportedTypes()
        .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .SelectMany(file => file.Services)
        .SelectMany(service => service.Methods
            .Where(method => !method.IsClientStreaming && !method.IsServerStreaming)
            .Select(method => $"/{service.FullName}/{method.Name}"))
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="path"/> (<c>/{service}/{method}</c>) is a unary method of the contracts.</summary>
    public static bool Contains(string path) => Paths.Contains(path);
}
