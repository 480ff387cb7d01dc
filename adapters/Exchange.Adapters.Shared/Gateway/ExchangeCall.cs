using Grpc.Core;
using GatewayContext = Exchange.Protos.Context.V1.ExchangeContext;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// A department call that came through the gateway: the verified exchange context, and what the answer disclosed
/// (the holder asked about and the data items returned), which the adapter reports back in response headers.
/// </summary>
public sealed class ExchangeCall
{
    internal ExchangeCall(GatewayContext context) => Context = context;

    /// <summary>The verified context: consumer, resource, granted data items, case and purpose.</summary>
    public GatewayContext Context { get; }

    internal string? Holder { get; private set; }

    internal string? ReturnedItems { get; private set; }

    internal bool IsAnswered => Holder is not null;

    internal void RecordAnswer(string holder, string returnedItems)
    {
        Holder = holder;
        ReturnedItems = returnedItems;
    }

    internal static void Attach(ServerCallContext context, ExchangeCall call) => context.UserState[typeof(ExchangeCall)] = call;

    internal static ExchangeCall Of(ServerCallContext context) =>
        context.UserState.TryGetValue(typeof(ExchangeCall), out var call)
            ? (ExchangeCall)call
            : throw new InvalidOperationException(
                $"{context.Method} has no verified exchange context; register it with builder.AddExchangeContextVerification().");
}
