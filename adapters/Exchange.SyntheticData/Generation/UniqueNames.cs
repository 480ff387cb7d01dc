namespace Exchange.SyntheticData.Generation;

/// <summary>Registered names must be unique within a register; retries a name factory until it gives a new one.</summary>
internal sealed class UniqueNames
{
    private const int MaxAttempts = 10_000;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Take(Func<string> candidate)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var name = candidate();
            if (_taken.Add(name))
                return name;
        }
        throw new InvalidOperationException("The name vocabulary is exhausted; ask for fewer organisations.");
    }
}
