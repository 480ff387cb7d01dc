using Exchange.ExchangeContext;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Exchange.Cli;

/// <summary>
/// Says on standard error when the gateway flagged returned items as under an open objection (数据异议, trailer
/// x-exchange-objections), with the request id to name when following it up; standard output stays the reply alone.
/// </summary>
internal sealed class ObjectionNotice : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(NoticeAsync(call), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private static async Task<TResponse> NoticeAsync<TResponse>(AsyncUnaryCall<TResponse> call)
    {
        var response = await call.ResponseAsync;
        if (call.GetTrailers().GetValue(ExchangeMetadata.Objections) is { Length: > 0 } flagged)
        {
            var requestId = (await call.ResponseHeadersAsync).GetValue(ExchangeMetadata.RequestId) ?? "unknown";
            Console.Error.WriteLine(
                $"注意：数据项 {ExchangeMetadata.PercentDecode(flagged)} 存在尚未处理的数据异议，使用前请核实 (objection open on these items; request id {requestId})");
        }
        return response;
    }
}
