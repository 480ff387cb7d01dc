using Exchange.Gateway.Audit;

namespace Exchange.Gateway.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static AuditEntry Entry(string consumer = "CIVIL-AFFAIRS", IReadOnlyList<string>? items = null, string status = "OK") =>
        new(1_780_000_000_000_000, "req-1", consumer, "PUBLIC-SECURITY", "PS-RES", "/exchange.publicsecurity.v1.ResidentService/GetResident",
            "110105199211237520", items ?? ["name", "address"], "CASE-1", "marriage registration", status, string.Empty, 1200);

    private readonly AuditChain _chain = new();

    [Fact]
    public void Hash_is_deterministic_and_lower_hex()
    {
        var hash = _chain.Hash(AuditChain.GenesisHash, 1, Entry());

        Assert.Equal(hash, new AuditChain().Hash(AuditChain.GenesisHash, 1, Entry()));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Every_field_sequence_and_previous_hash_change_the_hash()
    {
        var hash = _chain.Hash(AuditChain.GenesisHash, 1, Entry());

        Assert.NotEqual(hash, _chain.Hash(AuditChain.GenesisHash, 2, Entry()));
        Assert.NotEqual(hash, _chain.Hash(new string('1', 64), 1, Entry()));
        Assert.NotEqual(hash, _chain.Hash(AuditChain.GenesisHash, 1, Entry(consumer: "MARKET-REGULATION")));
        Assert.NotEqual(hash, _chain.Hash(AuditChain.GenesisHash, 1, Entry(status: "PERMISSION_DENIED")));
        Assert.NotEqual(hash, _chain.Hash(AuditChain.GenesisHash, 1, Entry(items: ["name"])));
    }

    [Fact]
    public void Encoding_cannot_be_read_two_ways()
    {
        // Moving a boundary between list elements keeps the concatenated text but must change the hash.
        Assert.NotEqual(
            _chain.Hash(AuditChain.GenesisHash, 1, Entry(items: ["ab", "c"])),
            _chain.Hash(AuditChain.GenesisHash, 1, Entry(items: ["a", "bc"])));
    }

    [Fact]
    public void Leaf_hash_is_domain_separated_from_the_chain_hash()
    {
        Assert.NotEqual(_chain.LeafHash(1, Entry()), _chain.Hash(AuditChain.GenesisHash, 1, Entry()));
        Assert.Equal(_chain.LeafHash(1, Entry()), new AuditChain().LeafHash(1, Entry()));
    }

    [Fact]
    public void Verifier_finds_an_edited_a_missing_and_a_relinked_record()
    {
        var first = Record(1, AuditChain.GenesisHash, Entry());
        var second = Record(2, first.Hash, Entry(consumer: "MARKET-REGULATION"));

        Assert.Null(AuditChainVerifier.Check(_chain, second, 2, first.Hash));

        var edited = second with { Entry = Entry(consumer: "CIVIL-AFFAIRS") };
        Assert.Contains("was edited", AuditChainVerifier.Check(_chain, edited, 2, first.Hash)!.Value.Problem);

        Assert.Contains("record 2 is missing", AuditChainVerifier.Check(_chain, Record(3, second.Hash, Entry()), 2, first.Hash)!.Value.Problem);

        var relinked = Record(2, new string('f', 64), Entry(consumer: "MARKET-REGULATION"));
        Assert.Contains("does not link to record 1", AuditChainVerifier.Check(_chain, relinked, 2, first.Hash)!.Value.Problem);
    }

    private ChainedAuditRecord Record(long sequence, string previous, AuditEntry entry) =>
        new(sequence, entry, previous, _chain.Hash(previous, sequence, entry), _chain.LeafHash(sequence, entry));
}
