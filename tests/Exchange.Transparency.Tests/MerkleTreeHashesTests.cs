using System.Buffers.Binary;
using Exchange.Transparency;

namespace Exchange.Transparency.Tests;

/// <summary>
/// The stored subtree hashes give the same roots and proofs as the recursion over the bare leaves, for every small
/// size and for a large log, whatever size the tree had when a root or proof was asked for.
/// </summary>
public sealed class MerkleTreeHashesTests
{
    [Fact]
    public void Roots_and_proofs_over_stored_subtrees_match_the_bare_leaves_for_every_size_up_to_70()
    {
        var leaves = Leaves(70);
        var stored = new MerkleTreeHashes();
        foreach (var leaf in leaves)
        {
            stored.Add(leaf);
            var n = stored.Count;
            Assert.Equal(MerkleTree.Root(leaves, n), MerkleTree.Root(stored, n));
            for (var m = 0; m <= n; m++)
            {
                Assert.Equal(MerkleTree.Root(leaves, m), MerkleTree.Root(stored, m));
                Assert.Equal(MerkleTree.ConsistencyProof(leaves, m, n), MerkleTree.ConsistencyProof(stored, m, n));
                if (m < n)
                    Assert.Equal(MerkleTree.InclusionProof(leaves, m, n), MerkleTree.InclusionProof(stored, m, n));
            }
        }
    }

    [Fact]
    public void A_large_log_has_the_same_root_and_proofs_from_its_stored_subtrees()
    {
        const int size = (1 << 18) + 12_345;
        var leaves = Leaves(size);
        var stored = new MerkleTreeHashes();
        foreach (var leaf in leaves)
            stored.Add(leaf);

        Assert.Equal(size, stored.Count);
        Assert.Equal(MerkleTree.Root(leaves, size), MerkleTree.Root(stored, size));
        foreach (var old in new long[] { 1, 1_000, 1 << 17, (1 << 18) - 1, 1 << 18, size - 1 })
        {
            var proof = MerkleTree.ConsistencyProof(stored, old, size);
            Assert.Equal(MerkleTree.ConsistencyProof(leaves, old, size), proof);
            Assert.True(MerkleProofs.VerifyConsistency(old, size, MerkleTree.Root(leaves, old), MerkleTree.Root(leaves, size), proof));
        }
        Assert.Equal(MerkleTree.InclusionProof(leaves, size - 1, size), MerkleTree.InclusionProof(stored, size - 1, size));
    }

    [Fact]
    public void A_leaf_hash_of_another_length_is_refused() =>
        Assert.Throws<ArgumentException>(() => new MerkleTreeHashes().Add(new byte[31]));

    private static List<byte[]> Leaves(int count)
    {
        var leaves = new List<byte[]>(count);
        Span<byte> entry = stackalloc byte[8];
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(entry, i);
            leaves.Add(MerkleTree.LeafHash(entry));
        }
        return leaves;
    }
}
