using System.Security.Cryptography;
using System.Text;
using Exchange.Transparency;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Transparency.Tests;

/// <summary>The witness's rules: only trusted keys, only growth consistent with what it holds.</summary>
public sealed class WitnessTests
{
    private readonly ECDsa _logKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _witnessKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly MemoryLedger _ledger = new();
    private readonly List<byte[]> _leaves = [.. Enumerable.Range(0, 40).Select(i => MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"r{i}")))];

    private CheckpointWitness Witness(params ECDsa[] trusted) =>
        new(_ledger, new FixedKeys(trusted.ToDictionary(TransparencyKey.IdOf)), _witnessKey, "test-witness", _time);

    private SignedCheckpoint Checkpoint(List<byte[]> leaves, int size, ECDsa? key = null) =>
        TransparencyKey.Sign(key ?? _logKey, new Checkpoint("log-a", size, MerkleTree.Root(leaves, size), _time.GetUtcNow().ToUnixTimeMilliseconds()));

    [Fact]
    public void Consistent_growth_is_countersigned_and_kept()
    {
        var witness = Witness(_logKey);
        Assert.Equal(WitnessDecision.Accepted, witness.Submit(Checkpoint(_leaves, 10), 0, []).Verdict.Decision);
        _time.Advance(TimeSpan.FromSeconds(5));
        var (verdict, witnessed) = witness.Submit(Checkpoint(_leaves, 25), 10, MerkleTree.ConsistencyProof(_leaves, 10, 25));

        Assert.Equal(WitnessDecision.Accepted, verdict.Decision);
        Assert.Equal(25, witness.Latest("log-a")!.Signed.Checkpoint.TreeSize);
        Assert.True(TransparencyKey.VerifyCosignature(_witnessKey, witnessed!.Cosignature, witnessed.Signed.Checkpoint));
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), witnessed.Cosignature.TimeMillis);
    }

    [Fact]
    public void A_checkpoint_signed_by_a_key_the_witness_was_not_told_to_trust_is_refused()
    {
        var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (verdict, _) = Witness(_logKey).Submit(Checkpoint(_leaves, 10, other), 0, []);
        Assert.Equal(WitnessDecision.UntrustedKey, verdict.Decision);
        Assert.Null(_ledger.Latest("log-a"));
    }

    [Fact]
    public void A_checkpoint_whose_contents_changed_after_signing_is_refused()
    {
        var signed = Checkpoint(_leaves, 10);
        var altered = signed with { Checkpoint = signed.Checkpoint with { TreeSize = 11, RootHash = MerkleTree.Root(_leaves, 11) } };
        Assert.Equal(WitnessDecision.BadSignature, Witness(_logKey).Submit(altered, 0, []).Verdict.Decision);
    }

    [Fact]
    public void A_smaller_tree_is_refused_as_a_deleted_tail()
    {
        var witness = Witness(_logKey);
        witness.Submit(Checkpoint(_leaves, 20), 0, []);
        var (verdict, held) = witness.Submit(Checkpoint(_leaves, 15), 20, []);
        Assert.Equal(WitnessDecision.SmallerTree, verdict.Decision);
        Assert.True(verdict.ShowsTampering);
        Assert.Equal(20, held!.Signed.Checkpoint.TreeSize);
    }

    [Fact]
    public void Another_root_at_the_witnessed_size_is_refused_as_a_fork()
    {
        var witness = Witness(_logKey);
        witness.Submit(Checkpoint(_leaves, 20), 0, []);
        var rewritten = _leaves.ToList();
        rewritten[4] = MerkleTree.LeafHash("edited"u8);
        Assert.Equal(WitnessDecision.Fork, witness.Submit(Checkpoint(rewritten, 20), 20, []).Verdict.Decision);
    }

    [Fact]
    public void Growth_that_rewrote_witnessed_records_is_refused_as_inconsistent()
    {
        var witness = Witness(_logKey);
        witness.Submit(Checkpoint(_leaves, 20), 0, []);
        var rewritten = _leaves.ToList();
        rewritten[4] = MerkleTree.LeafHash("edited"u8);
        var (verdict, held) = witness.Submit(Checkpoint(rewritten, 30), 20, MerkleTree.ConsistencyProof(rewritten, 20, 30));
        Assert.Equal(WitnessDecision.Inconsistent, verdict.Decision);
        Assert.Equal(20, held!.Signed.Checkpoint.TreeSize);
        Assert.Equal(MerkleTree.Root(_leaves, 20), _ledger.Latest("log-a")!.Signed.Checkpoint.RootHash);
    }

    [Fact]
    public void A_proof_from_another_size_than_the_witnessed_one_asks_for_a_new_proof()
    {
        var witness = Witness(_logKey);
        witness.Submit(Checkpoint(_leaves, 20), 0, []);
        var verdict = witness.Submit(Checkpoint(_leaves, 30), 10, MerkleTree.ConsistencyProof(_leaves, 10, 30)).Verdict;
        Assert.Equal(WitnessDecision.StaleProof, verdict.Decision);
        Assert.False(verdict.ShowsTampering);
    }

    [Fact]
    public void A_smaller_tree_from_a_submitter_that_saw_an_older_witnessed_size_is_told_to_prove_again()
    {
        var witness = Witness(_logKey);
        witness.Submit(Checkpoint(_leaves, 10), 0, []);
        witness.Submit(Checkpoint(_leaves, 30), 10, MerkleTree.ConsistencyProof(_leaves, 10, 30));
        // Another gateway instance of the same log asked at size 10 and now offers 20.
        var verdict = witness.Submit(Checkpoint(_leaves, 20), 10, MerkleTree.ConsistencyProof(_leaves, 10, 20)).Verdict;
        Assert.Equal(WitnessDecision.StaleProof, verdict.Decision);
        Assert.False(verdict.ShowsTampering);
        Assert.Equal(30, _ledger.Latest("log-a")!.Signed.Checkpoint.TreeSize);
    }

    [Fact]
    public void The_same_tree_again_is_not_a_change()
    {
        var witness = Witness(_logKey);
        var first = witness.Submit(Checkpoint(_leaves, 20), 0, []).Witnessed;
        _time.Advance(TimeSpan.FromMinutes(1));
        var (verdict, held) = witness.Submit(Checkpoint(_leaves, 20), 20, []);
        Assert.Equal(WitnessDecision.AlreadyHeld, verdict.Decision);
        Assert.Same(first, held);
    }

    private sealed class MemoryLedger : IWitnessLedger
    {
        private readonly Dictionary<string, WitnessedCheckpoint> _held = [];

        public WitnessedCheckpoint? Latest(string logId) => _held.GetValueOrDefault(logId);

        public void Save(WitnessedCheckpoint witnessed) => _held[witnessed.Signed.Checkpoint.LogId] = witnessed;
    }

    private sealed class FixedKeys(Dictionary<string, ECDsa> keys) : ITrustedLogKeys
    {
        public IReadOnlyDictionary<string, ECDsa> Keys(string keyId) => keys;
    }
}
