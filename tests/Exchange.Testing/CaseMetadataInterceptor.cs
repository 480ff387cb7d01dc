using Exchange.Client;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Exchange.Testing;

/// <summary>Adds a case number and purpose to every call, as a department system handling one case would.</summary>
internal sealed class CaseMetadataInterceptor(string caseNumber, string purpose) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var headers = context.Options.Headers ?? [];
        if (headers.Get(Exchange.ExchangeContext.ExchangeMetadata.CaseNumber) is null)
        {
            foreach (var entry in ExchangeCallCredentials.ForCase(caseNumber, purpose))
                headers.Add(entry);
        }
        var options = context.Options.WithHeaders(headers);
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
    }
}
