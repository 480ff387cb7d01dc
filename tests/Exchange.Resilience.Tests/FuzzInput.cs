using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Exchange.Resilience.Tests;

/// <summary>How a fuzz input was made: its class, and for a mutated request each mutation applied to it.</summary>
public enum FuzzKind
{
    RandomBytes,
    MutatedRequest,
    RandomStrings,
    FlippedBit,
    InsertedByte,
    RemovedByte,
    Truncated,
}

/// <summary>One fuzz input: random bytes, a mutated valid request, or a valid request with random strings in its fields.</summary>
internal sealed record FuzzInput(byte[] Bytes, IReadOnlyList<FuzzKind> Kinds)
{
    private static readonly string[] Alphabet =
        [.. "0123456789ABCDEFGHJKLMNPQRTUWXYabcxyz-_ /\\%'\"<>{}\0\u00e9\u4e2d\u6587\u0301\ufffd".Select(c => c.ToString()), "\ud83d\ude00"];

    /// <summary>The kinds every method's inputs must include; random strings only where its request has a string field.</summary>
    public static IReadOnlyList<FuzzKind> Expected(IMessage seed) =>
        [.. Enum.GetValues<FuzzKind>().Where(kind => kind != FuzzKind.RandomStrings || StringFields(seed).Any())];

    /// <summary>Input <paramref name="index"/> for <paramref name="method"/>: the same on every run and machine.</summary>
    public static FuzzInput For(string method, IMessage seed, int index)
    {
        // string.GetHashCode and HashCode.Combine are randomised per process; a failing input must come back on the next run.
        var random = new Random(unchecked(StableHash(method) * 31 + index));
        return random.Next(10) switch
        {
            < 4 => new FuzzInput(RandomBytes(random), [FuzzKind.RandomBytes]),
            < 8 => Mutate(seed.ToByteArray(), random),
            _ => RandomStrings(seed, random),
        };
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 96)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static FuzzInput Mutate(byte[] valid, Random random)
    {
        var bytes = new List<byte>(valid);
        var kinds = new List<FuzzKind> { FuzzKind.MutatedRequest };
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    kinds.Add(FuzzKind.FlippedBit);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    kinds.Add(FuzzKind.InsertedByte);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    kinds.Add(FuzzKind.RemovedByte);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    kinds.Add(FuzzKind.Truncated);
                    break;
            }
        }
        return new FuzzInput([.. bytes], kinds);
    }

    private static FuzzInput RandomStrings(IMessage seed, Random random)
    {
        var message = seed.Descriptor.Parser.ParseFrom(seed.ToByteArray());
        var fields = StringFields(message).ToList();
        foreach (var field in fields)
            field.Accessor.SetValue(message, RandomText(random));
        return new FuzzInput(message.ToByteArray(), fields.Count > 0 ? [FuzzKind.RandomStrings] : []);
    }

    private static IEnumerable<FieldDescriptor> StringFields(IMessage message) =>
        message.Descriptor.Fields.InFieldNumberOrder().Where(f => f.FieldType == FieldType.String && !f.IsRepeated);

    private static string RandomText(Random random)
    {
        var text = new System.Text.StringBuilder();
        for (var i = random.Next(0, 40); i > 0; i--)
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        return text.ToString();
    }

    /// <summary>FNV-1a over the UTF-16 code units.</summary>
    private static int StableHash(string text)
    {
        var hash = 2_166_136_261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16_777_619u;
        return unchecked((int)hash);
    }
}
