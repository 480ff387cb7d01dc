using System.Security.Cryptography;
using System.Text;
using Exchange.Transparency;

namespace Exchange.Transparency.Tests;

/// <summary>Roots and proofs of every tree size 1..70 against a naive RFC 9162 reference, and tampered proofs refused.</summary>
public sealed class MerkleTreeTests
{
    private const int MaxSize = 70;

    private static readonly List<byte[]> Leaves = [.. Enumerable.Range(0, MaxSize).Select(i => MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"record {i}")))];

    [Fact]
    public void Empty_tree_root_is_the_hash_of_nothing() =>
        Assert.Equal(Convert.FromHexString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), MerkleTree.Root(Leaves, 0));

    [Fact]
    public void Leaf_and_node_hashes_are_domain_separated()
    {
        Assert.Equal(SHA256.HashData([0, .. "a"u8.ToArray()]), MerkleTree.LeafHash("a"u8));
        Assert.Equal(SHA256.HashData([1, .. Leaves[0], .. Leaves[1]]), MerkleTree.NodeHash(Leaves[0], Leaves[1]));
    }

    [Fact]
    public void Root_matches_the_reference_for_every_size()
    {
        for (var n = 1; n <= MaxSize; n++)
            Assert.Equal(Reference.Root(Leaves.Take(n).ToList()), MerkleTree.Root(Leaves, n));
    }

    [Fact]
    public void Every_inclusion_proof_matches_the_reference_and_verifies()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var root = MerkleTree.Root(Leaves, n);
            for (var m = 0; m < n; m++)
            {
                var proof = MerkleTree.InclusionProof(Leaves, m, n);
                Assert.Equal(Reference.Path(m, Leaves.Take(n).ToList()), proof);
                Assert.True(MerkleProofs.VerifyInclusion(m, n, Leaves[m], proof, root), $"leaf {m} of {n}");
            }
        }
    }

    [Fact]
    public void Every_consistency_proof_matches_the_reference_and_verifies()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var newRoot = MerkleTree.Root(Leaves, n);
            for (var m = 0; m <= n; m++)
            {
                var proof = MerkleTree.ConsistencyProof(Leaves, m, n);
                if (m > 0 && m < n)
                    Assert.Equal(Reference.Proof(m, Leaves.Take(n).ToList()), proof);
                Assert.True(MerkleProofs.VerifyConsistency(m, n, MerkleTree.Root(Leaves, m), newRoot, proof), $"{m} to {n}");
            }
        }
    }

    [Fact]
    public void An_altered_inclusion_proof_leaf_index_or_size_never_verifies()
    {
        for (var n = 1; n <= MaxSize; n++)
        {
            var root = MerkleTree.Root(Leaves, n);
            for (var m = 0; m < n; m++)
            {
                var proof = MerkleTree.InclusionProof(Leaves, m, n);
                Assert.False(MerkleProofs.VerifyInclusion(m, n, Flip(Leaves[m]), proof, root));
                Assert.False(MerkleProofs.VerifyInclusion(m, n, Leaves[m], proof, Flip(root)));
                if (n > 1)
                    Assert.False(MerkleProofs.VerifyInclusion((m + 1) % n, n, Leaves[m], proof, root));
                // A size is only meaningful with its own root (both come from one signed checkpoint).
                if (n < MaxSize)
                    Assert.False(MerkleProofs.VerifyInclusion(m, n + 1, Leaves[m], proof, MerkleTree.Root(Leaves, n + 1)));
                Assert.False(MerkleProofs.VerifyInclusion(m, n, Leaves[m], [.. proof, Leaves[0]], root));
                for (var i = 0; i < proof.Count; i++)
                {
                    var forged = proof.ToList();
                    forged[i] = Flip(forged[i]);
                    Assert.False(MerkleProofs.VerifyInclusion(m, n, Leaves[m], forged, root));
                    Assert.False(MerkleProofs.VerifyInclusion(m, n, Leaves[m], proof.Where((_, j) => j != i).ToList(), root));
                }
            }
        }
    }

    [Fact]
    public void An_altered_consistency_proof_or_root_never_verifies()
    {
        for (var n = 2; n <= MaxSize; n++)
        {
            var newRoot = MerkleTree.Root(Leaves, n);
            for (var m = 1; m < n; m++)
            {
                var oldRoot = MerkleTree.Root(Leaves, m);
                var proof = MerkleTree.ConsistencyProof(Leaves, m, n);
                Assert.False(MerkleProofs.VerifyConsistency(m, n, Flip(oldRoot), newRoot, proof));
                Assert.False(MerkleProofs.VerifyConsistency(m, n, oldRoot, Flip(newRoot), proof));
                if (n < MaxSize)
                    Assert.False(MerkleProofs.VerifyConsistency(m, n + 1, oldRoot, MerkleTree.Root(Leaves, n + 1), proof));
                Assert.False(MerkleProofs.VerifyConsistency(m - 1, n, MerkleTree.Root(Leaves, m - 1), newRoot, proof));
                Assert.False(MerkleProofs.VerifyConsistency(m, n, oldRoot, newRoot, [.. proof, Leaves[0]]));
                for (var i = 0; i < proof.Count; i++)
                {
                    var forged = proof.ToList();
                    forged[i] = Flip(forged[i]);
                    Assert.False(MerkleProofs.VerifyConsistency(m, n, oldRoot, newRoot, forged));
                }
            }
        }
    }

    [Fact]
    public void A_tree_whose_early_leaf_changed_is_not_consistent_with_the_old_one()
    {
        var edited = Leaves.ToList();
        edited[3] = MerkleTree.LeafHash("rewritten"u8);
        var proof = MerkleTree.ConsistencyProof(edited, 10, 20);
        Assert.False(MerkleProofs.VerifyConsistency(10, 20, MerkleTree.Root(Leaves, 10), MerkleTree.Root(edited, 20), proof));
    }

    private static byte[] Flip(byte[] hash)
    {
        var copy = hash.ToArray();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }

    /// <summary>RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 word for word, over lists: slow and obviously right.</summary>
    private static class Reference
    {
        public static byte[] Root(List<byte[]> d)
        {
            if (d.Count == 0)
                return SHA256.HashData([]);
            if (d.Count == 1)
                return d[0];
            var k = K(d.Count);
            return SHA256.HashData([1, .. Root(d[..k]), .. Root(d[k..])]);
        }

        public static List<byte[]> Path(int m, List<byte[]> d)
        {
            if (d.Count == 1)
                return [];
            var k = K(d.Count);
            return m < k ? [.. Path(m, d[..k]), Root(d[k..])] : [.. Path(m - k, d[k..]), Root(d[..k])];
        }

        public static List<byte[]> Proof(int m, List<byte[]> d) => SubProof(m, d, true);

        private static List<byte[]> SubProof(int m, List<byte[]> d, bool b)
        {
            var n = d.Count;
            if (m == n)
                return b ? [] : [Root(d)];
            var k = K(n);
            return m <= k ? [.. SubProof(m, d[..k], b), Root(d[k..])] : [.. SubProof(m - k, d[k..], false), Root(d[..k])];
        }

        private static int K(int n)
        {
            var k = 1;
            while (k * 2 < n)
                k *= 2;
            return k;
        }
    }
}
