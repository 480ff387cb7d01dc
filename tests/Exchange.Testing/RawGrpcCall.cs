using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Testing;

/// <summary>Calls any gRPC method by name with raw bytes, for services that have no generated client (unknown, unpublished).</summary>
public static class RawGrpcCall
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static Task<byte[]> UnaryAsync(GrpcChannel channel, string service, string method, byte[]? request = null) =>
        UnaryAsync(channel.CreateCallInvoker(), service, method, request);

    public static Task<byte[]> UnaryAsync(CallInvoker invoker, string service, string method, byte[]? request = null)
    {
        var descriptor = new Method<byte[], byte[]>(MethodType.Unary, service, method, Bytes, Bytes);
        return invoker
            .AsyncUnaryCall(descriptor, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)), request ?? [])
            .ResponseAsync;
    }
}
