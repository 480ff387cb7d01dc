namespace Exchange.Adapters.Shared.Licences;

/// <summary>FNV-1a over a string: the same on every run and machine (unlike <c>string.GetHashCode</c>), for deriving seeded dates.</summary>
public static class StableHash
{
    public static uint Of(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }
}
