using Google.Protobuf;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// The answer to a department call in the making: the data items it may carry are fixed before the lookup
/// (so a bad read mask fails fast), and <see cref="Complete"/> strips the response down to them.
/// </summary>
public readonly struct ExchangeAnswer<TResponse> where TResponse : IMessage<TResponse>, new()
{
    private readonly ExchangeCall _call;
    private readonly ResponseDataItems<TResponse> _items;

    internal ExchangeAnswer(ExchangeCall call, ResponseDataItems<TResponse> items, DataItemSelection selection)
    {
        _call = call;
        _items = items;
        Selection = selection;
    }

    public DataItemSelection Selection { get; }

    /// <summary>Minimises the response and records, for the response headers, whom it was about and what it returned.</summary>
    /// <param name="holder">The citizen id or credit code the call asked about.</param>
    public TResponse Complete(string holder, TResponse response)
    {
        _items.Minimise(response, Selection);
        _call.RecordAnswer(holder, _items.NameList(Selection));
        return response;
    }
}
