using System.Security.Cryptography;

namespace Exchange.Transparency;

/// <summary>
/// The Merkle tree hash of RFC 9162 §2.1.1 over leaf hashes: MTH({}) = SHA-256(), a leaf = SHA-256(0x00 || entry),
/// a node = SHA-256(0x01 || left || right), split at the largest power of two below the size. Proofs follow
/// §2.1.3.1 (inclusion) and §2.1.4.1 (consistency). Every hash is 32 bytes. Over a <see cref="MerkleTreeHashes"/> each
/// complete subtree is looked up rather than recomputed, so roots and proofs cost O(log n) instead of O(n).
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>SHA-256 of the empty string: the root of the empty tree.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        var input = new byte[entry.Length + 1];
        entry.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * HashSize];
        input[0] = 1;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>MTH of the first <paramref name="size"/> leaves.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves, long size)
    {
        CheckSize(leaves, size);
        return size == 0 ? EmptyRoot() : Subtree(leaves, 0, size);
    }

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of the first <paramref name="size"/> leaves.</summary>
    public static List<byte[]> InclusionProof(IReadOnlyList<byte[]> leaves, long index, long size)
    {
        CheckSize(leaves, size);
        if (index < 0 || index >= size)
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of {size}.");
        var proof = new List<byte[]>();
        Path(leaves, index, 0, size, proof);
        return proof;
    }

    /// <summary>The proof that the tree of <paramref name="oldSize"/> leaves is a prefix of the tree of <paramref name="newSize"/>.</summary>
    public static List<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leaves, long oldSize, long newSize)
    {
        CheckSize(leaves, newSize);
        if (oldSize < 0 || oldSize > newSize)
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"A tree of {oldSize} cannot precede a tree of {newSize}.");
        var proof = new List<byte[]>();
        if (oldSize > 0 && oldSize < newSize)
            SubProof(leaves, oldSize, 0, newSize, complete: true, proof);
        return proof;
    }

    private static void CheckSize(IReadOnlyList<byte[]> leaves, long size)
    {
        if (size < 0 || size > leaves.Count)
            throw new ArgumentOutOfRangeException(nameof(size), $"The tree has {leaves.Count} leaves, not {size}.");
    }

    // Largest power of two strictly below n (n >= 2).
    internal static long Split(long n)
    {
        var k = 1L;
        while (k << 1 < n)
            k <<= 1;
        return k;
    }

    private static byte[] Subtree(IReadOnlyList<byte[]> leaves, long start, long count)
    {
        if (count == 1)
            return leaves[(int)start];
        if (leaves is MerkleTreeHashes stored && stored.TryGetSubtree(start, count, out var hash))
            return hash;
        var k = Split(count);
        return NodeHash(Subtree(leaves, start, k), Subtree(leaves, start + k, count - k));
    }

    private static void Path(IReadOnlyList<byte[]> leaves, long index, long start, long count, List<byte[]> proof)
    {
        if (count == 1)
            return;
        var k = Split(count);
        if (index < k)
        {
            Path(leaves, index, start, k, proof);
            proof.Add(Subtree(leaves, start + k, count - k));
        }
        else
        {
            Path(leaves, index - k, start + k, count - k, proof);
            proof.Add(Subtree(leaves, start, k));
        }
    }

    private static void SubProof(IReadOnlyList<byte[]> leaves, long m, long start, long count, bool complete, List<byte[]> proof)
    {
        if (m == count)
        {
            if (!complete)
                proof.Add(Subtree(leaves, start, count));
            return;
        }
        var k = Split(count);
        if (m <= k)
        {
            SubProof(leaves, m, start, k, complete, proof);
            proof.Add(Subtree(leaves, start + k, count - k));
        }
        else
        {
            SubProof(leaves, m - k, start + k, count - k, complete: false, proof);
            proof.Add(Subtree(leaves, start, k));
        }
    }
}
