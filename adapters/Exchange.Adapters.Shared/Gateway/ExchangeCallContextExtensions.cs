using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Adapters.Shared.Gateway;

public static class ExchangeCallContextExtensions
{
    /// <summary>The verified exchange call behind a department method.</summary>
    public static ExchangeCall GetExchangeCall(this ServerCallContext context) => ExchangeCall.Of(context);

    /// <summary>
    /// Starts the answer: the context's granted data items that the read mask asks for (all granted when it is
    /// empty). A mask path that is no data item of the response is INVALID_ARGUMENT naming it.
    /// </summary>
    public static ExchangeAnswer<TResponse> PrepareAnswer<TResponse>(
        this ServerCallContext context, ResponseDataItems<TResponse> items, FieldMask? readMask = null)
        where TResponse : IMessage<TResponse>, new()
    {
        var call = ExchangeCall.Of(context);
        return new ExchangeAnswer<TResponse>(call, items, items.Select(call.Context.DataItems, readMask));
    }
}
