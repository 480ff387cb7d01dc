using System.Collections;

namespace Exchange.Transparency;

/// <summary>
/// The leaf hashes of a log, appended in order, together with the hash of every complete, aligned subtree they make
/// (a level per power of two, filled as leaves arrive: amortised one node hash per leaf). <see cref="MerkleTree"/>'s
/// roots and proofs over these leaves take each complete subtree from here instead of recomputing it from its leaves:
/// every range the RFC 9162 recursion asks for is a complete aligned subtree or splits into O(log n) of them, so a
/// checkpoint's root and a witness's consistency proof cost O(log n) node hashes instead of O(n).
/// </summary>
/// <remarks>Not thread-safe: the owner serialises appends and reads (CheckpointPublisher's gate).</remarks>
public sealed class MerkleTreeHashes : IReadOnlyList<byte[]>
{
    // _levels[j][i] is the hash of leaves [i * 2^j, (i + 1) * 2^j); _levels[0] holds the leaves themselves.
    private readonly List<List<byte[]>> _levels = [[]];

    public int Count => _levels[0].Count;

    public byte[] this[int index] => _levels[0][index];

    public void Add(byte[] leaf)
    {
        if (leaf.Length != MerkleTree.HashSize)
            throw new ArgumentException($"A leaf hash is {MerkleTree.HashSize} bytes, not {leaf.Length}.", nameof(leaf));
        _levels[0].Add(leaf);
        for (var level = 0; _levels[level].Count % 2 == 0; level++)
        {
            if (level + 1 == _levels.Count)
                _levels.Add([]);
            var nodes = _levels[level];
            _levels[level + 1].Add(MerkleTree.NodeHash(nodes[^2], nodes[^1]));
        }
    }

    /// <summary>The hash of leaves [start, start + count) when they form a complete aligned subtree that is all here.</summary>
    internal bool TryGetSubtree(long start, long count, out byte[] hash)
    {
        hash = [];
        if (count <= 0 || (count & (count - 1)) != 0 || start % count != 0)
            return false;
        var level = System.Numerics.BitOperations.Log2((ulong)count);
        if (level >= _levels.Count)
            return false;
        var index = start >> level;
        if (index >= _levels[level].Count)
            return false;
        hash = _levels[level][(int)index];
        return true;
    }

    public IEnumerator<byte[]> GetEnumerator() => _levels[0].GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
