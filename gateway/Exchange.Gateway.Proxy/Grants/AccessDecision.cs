namespace Exchange.Gateway.Grants;

/// <summary>Whether a consumer may call a resource now, with the data items it may receive or why not.</summary>
public readonly record struct AccessDecision(bool Allowed, IReadOnlyList<string> DataItems, string Denial)
{
    public static AccessDecision Allow(IReadOnlyList<string> dataItems) => new(true, dataItems, string.Empty);

    public static AccessDecision Deny(string denial) => new(false, [], denial);
}
