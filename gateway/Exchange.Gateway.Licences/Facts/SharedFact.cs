namespace Exchange.Gateway.Licences.Facts;

/// <summary>
/// One record read from a provider for a material check: the value (null when the provider has no such record), or
/// why it could not be read (not shared with the department, provider not answering). A rule that gets an unread fact
/// reports that it could not check, never that all is well.
/// </summary>
internal sealed record SharedFact<T>(T? Value, string ResourceCode, string Department, string? NotRead) where T : class
{
    public bool Read => NotRead is null;

    public static SharedFact<T> Of(T? value, string resourceCode, string department) => new(value, resourceCode, department, null);

    public static SharedFact<T> Unread(string resourceCode, string department, string why) => new(null, resourceCode, department, why);
}
