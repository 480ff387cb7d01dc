using Exchange.Gateway.Audit;
using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.Audit.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Exchange.Transparency;
using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace Exchange.Gateway.UnitTests.Audit;

/// <summary>
/// An insider with write access to the gateway's SQLite audit store edits a record (leaving or recomputing its
/// hashes), deletes records, or restores an old backup; the real gateway in process, checked against a witness that
/// holds its checkpoints outside the store, names each through the API (<c>VerifyAuditChain</c>, inclusion proofs) and
/// the offline verifier (<c>verify-audit --checkpoint</c>, run in this process). The store is tampered with while the
/// gateway runs, as an insider would; the backup is restored while it is stopped, as an operator would. The journey
/// through the processes (API, CLI exit codes, verify-audit asking the catalog) is Exchange.Gateway.Tests'
/// AuditTransparencyTests.
/// </summary>
public sealed class AuditTamperingTests : IAsyncDisposable
{
    // VerifyAuditCommand prints to the console: one run at a time reads what it printed.
    private static readonly Lock ConsoleLock = new();

    private readonly string _directory = Directory.CreateTempSubdirectory("exchange-audit-store-").FullName;
    private readonly string _witnessDirectory = Directory.CreateTempSubdirectory("exchange-audit-witness-").FullName;
    private readonly InProcessWitness _witness;
    private readonly List<GatewayHost> _hosts = [];

    public AuditTamperingTests()
    {
        _witness = new InProcessWitness(Path.Combine(_directory, "audit-trusted"), _witnessDirectory);
    }

    private string AuditDatabase => Path.Combine(_directory, "audit.db");

    [Fact]
    public async Task An_edit_with_every_hash_recomputed_is_a_root_mismatch_for_the_api_and_the_offline_verifier()
    {
        var gateway = Start();
        await CallAsync(gateway, 6);
        var before = await VerifyAsync(gateway);
        Assert.True(before.Intact, before.Problem);
        Assert.Equal(6, before.WitnessedCheckpoint.TreeSize);

        var store = new AuditRewriter(AuditDatabase);
        store.EditAndRehash(3, "MARKET-REGULATION");
        Assert.True(store.ChainIsInternallyConsistent(), "the rewrite leaves a chain the old hash-chain verifier accepts");

        var after = await VerifyAsync(gateway);
        Assert.False(after.Intact);
        Assert.Equal(AuditFailure.RootMismatch, after.Failure);
        Assert.Equal(6, after.WitnessedCheckpoint.TreeSize);
        var (exitCode, printed) = VerifyOffline();
        Assert.Equal(VerifyAuditCommand.Tampered, exitCode);
        Assert.Contains("ROOT MISMATCH", printed);
    }

    [Fact]
    public async Task A_deleted_tail_is_named_by_the_api_and_the_offline_verifier()
    {
        var gateway = Start();
        await CallAsync(gateway, 5);
        Assert.True((await VerifyAsync(gateway)).Intact);

        var store = new AuditRewriter(AuditDatabase);
        store.Execute("DELETE FROM audit_records WHERE sequence > 3");
        Assert.True(store.ChainIsInternallyConsistent(), "a chain without its tail has no broken link");

        var after = await VerifyAsync(gateway);
        Assert.False(after.Intact);
        Assert.Equal(AuditFailure.TailDeleted, after.Failure);
        Assert.Equal(5, after.WitnessedCheckpoint.TreeSize);
        var (exitCode, printed) = VerifyOffline();
        Assert.Equal(VerifyAuditCommand.Tampered, exitCode);
        Assert.Contains("TAIL DELETED", printed);
    }

    [Fact]
    public async Task A_restored_old_backup_is_a_deleted_tail_and_once_extended_a_fork_the_witness_refuses()
    {
        var gateway = Start();
        await CallAsync(gateway, 3);
        Assert.True((await VerifyAsync(gateway)).Intact);
        await StopAsync(gateway);
        var files = new[] { AuditDatabase, AuditDatabase + "-wal", AuditDatabase + "-shm" };
        foreach (var file in files.Where(File.Exists))
            File.Copy(file, file + ".backup");

        gateway = Start();
        await CallAsync(gateway, 4);
        Assert.Equal(7, (await VerifyAsync(gateway)).WitnessedCheckpoint.TreeSize);
        await StopAsync(gateway);
        foreach (var file in files.Where(File.Exists))
            File.Delete(file);
        foreach (var file in files.Where(f => File.Exists(f + ".backup")))
            File.Copy(file + ".backup", file);

        var (restoredExit, restored) = VerifyOffline();
        Assert.Equal(VerifyAuditCommand.Tampered, restoredExit);
        Assert.Contains("TAIL DELETED", restored);

        gateway = Start();
        Assert.Equal(AuditFailure.TailDeleted, (await VerifyAsync(gateway)).Failure);
        await CallAsync(gateway, 6);
        var forked = await VerifyAsync(gateway);
        Assert.False(forked.Intact);
        Assert.Equal(AuditFailure.RootMismatch, forked.Failure);
        Assert.Equal(7, forked.WitnessedCheckpoint.TreeSize);
        Assert.Contains(_witness.Log.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error && r.Message.Contains("REWRITTEN", StringComparison.Ordinal));
        Assert.Equal(VerifyAuditCommand.Tampered, VerifyOffline().ExitCode);
    }

    [Fact]
    public async Task An_edited_record_breaks_the_chain_at_it_and_a_deleted_one_at_its_gap()
    {
        var gateway = Start();
        await CallAsync(gateway, 6);
        Assert.True((await VerifyAsync(gateway)).Intact);
        Assert.Equal(VerifyAuditCommand.Intact, VerifyOffline().ExitCode);

        var store = new AuditRewriter(AuditDatabase);
        store.Execute("UPDATE audit_records SET consumer = 'MARKET-REGULATION' WHERE sequence = 3");
        var edited = await VerifyAsync(gateway);
        Assert.False(edited.Intact);
        Assert.Equal(AuditFailure.ChainBroken, edited.Failure);
        Assert.Equal(3, edited.FirstBrokenSequence);
        var (editedExit, editedPrinted) = VerifyOffline();
        Assert.Equal(VerifyAuditCommand.Tampered, editedExit);
        Assert.Contains("record 3", editedPrinted);

        store.Execute("UPDATE audit_records SET consumer = 'CIVIL-AFFAIRS' WHERE sequence = 3");
        Assert.True((await VerifyAsync(gateway)).Intact);
        Assert.Equal(VerifyAuditCommand.Intact, VerifyOffline().ExitCode);

        store.Execute("DELETE FROM audit_records WHERE sequence = 4");
        var deleted = await VerifyAsync(gateway);
        Assert.False(deleted.Intact);
        Assert.Equal(AuditFailure.ChainBroken, deleted.Failure);
        Assert.InRange(deleted.FirstBrokenSequence, 4, 5);
        Assert.Equal(VerifyAuditCommand.Tampered, VerifyOffline().ExitCode);
    }

    [Fact]
    public async Task A_record_proves_its_inclusion_against_the_witnessed_root_and_an_altered_record_does_not()
    {
        var gateway = Start();
        await CallAsync(gateway, 9);
        Assert.True((await VerifyAsync(gateway)).Intact);
        var root = _witness.Held("gateway")!.Checkpoint.RootHash.ToByteArray();
        var audit = new AuditService.AuditServiceClient(gateway.CallsAs("CIVIL-AFFAIRS"));

        var proof = await audit.GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = 4 });
        Assert.Equal(9, proof.TreeSize);
        Assert.True(Proves(proof, proof.Record, root));
        var forged = proof.Record.Clone();
        forged.Purpose = "伪造的用途";
        Assert.False(Proves(proof, forged, root));

        // The store now shows record 4 with another purpose: the proof the gateway gives for it no longer verifies.
        new AuditRewriter(AuditDatabase).Execute("UPDATE audit_records SET purpose = '伪造的用途' WHERE sequence = 4");
        var altered = await audit.GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = 4 });
        Assert.Equal("伪造的用途", altered.Record.Purpose);
        Assert.False(Proves(altered, altered.Record, root));
    }

    [Fact]
    public async Task An_audit_log_made_before_migrations_keeps_its_records_and_gets_the_missing_tables()
    {
        // A first gateway writes two records the way the old schema holds them; its file then gets the old shape back.
        var gateway = Start();
        await CallAsync(gateway, 2);
        await StopAsync(gateway);
        // The old shape had no leaf hashes or checkpoints either: the adoption marks the first migration applied and
        // the next one adds them, and the start-up fills in the leaf hashes of the old records.
        new AuditRewriter(AuditDatabase).Execute("DROP TABLE licence_uses; DROP TABLE material_checks; DROP TABLE audit_checkpoints; " +
            "ALTER TABLE audit_records DROP COLUMN leaf_hash; DROP TABLE __EFMigrationsHistory;");
        Assert.Equal(0, Count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'licence_uses'"));

        gateway = Start();
        await CallAsync(gateway, 1);

        Assert.Equal(3, Count("SELECT COUNT(*) FROM audit_records"));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'licence_uses'"));
        Assert.Equal(3, Count("SELECT COUNT(*) FROM __EFMigrationsHistory")); // Initial adopted, TransparencyLog and MaterialCheckCases applied
        Assert.Equal(0, Count("SELECT COUNT(*) FROM audit_records WHERE leaf_hash = ''"));
        var verification = await VerifyAsync(gateway);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(3, verification.RecordsChecked);
    }

    private static bool Proves(GetInclusionProofResponse proof, AuditRecord record, byte[] root) =>
        MerkleProofs.VerifyInclusion(record.Sequence - 1, proof.TreeSize, AuditRecordLeaf.Hash(record), CheckpointMessages.Hashes(proof.Proof), root);

    /// <summary>A gateway on this test's store and keys, started, with the witness; a later one is that gateway restarted.</summary>
    private AuditHost Start()
    {
        var host = new AuditHost(_directory, _witness);
        _hosts.Add(host);
        _ = host.Server;
        return host;
    }

    private async Task StopAsync(GatewayHost host)
    {
        await host.DisposeAsync();
        _hosts.Remove(host);
        // Pooled connections would keep the old file open across a restore.
        SqliteConnection.ClearAllPools();
    }

    /// <summary><paramref name="count"/> calls through the gateway, each audited before its answer completes.</summary>
    private async Task CallAsync(GatewayHost gateway, int count)
    {
        var before = File.Exists(AuditDatabase) ? Count("SELECT COUNT(*) FROM audit_records") : 0;
        var population = new PopulationService.PopulationServiceClient(gateway.CallsAs("CIVIL-AFFAIRS"));
        for (var i = 0; i < count; i++)
            await population.GetResidentAsync(new GetResidentRequest { CitizenId = "11010519491231002X" });
        Assert.Equal(before + count, Count("SELECT COUNT(*) FROM audit_records"));
    }

    private static async Task<VerifyAuditChainResponse> VerifyAsync(GatewayHost gateway) =>
        await new AuditService.AuditServiceClient(gateway.CallsAs("CIVIL-AFFAIRS")).VerifyAuditChainAsync(new VerifyAuditChainRequest());

    /// <summary>verify-audit as an operator runs it, with the checkpoint the witness holds saved to a file.</summary>
    private (int ExitCode, string Printed) VerifyOffline()
    {
        var checkpoint = Path.Combine(_witnessDirectory, "checkpoint.json");
        File.WriteAllText(checkpoint, JsonFormatter.Default.Format(_witness.Held("gateway")));
        string[] arguments =
        [
            "--checkpoint", checkpoint, $"--ConnectionStrings:Audit=Data Source={AuditDatabase}", "--Audit:LogId=gateway",
            $"--Audit:TrustedLogKeysDirectory={Path.Combine(_directory, "audit-trusted")}", $"--Tls:CaPath={TestPki.CaPath}",
        ];
        lock (ConsoleLock)
        {
            var (output, errors) = (Console.Out, Console.Error);
            using var printed = new StringWriter();
            Console.SetOut(printed);
            Console.SetError(printed);
            try
            {
                return (VerifyAuditCommand.Run(arguments), printed.ToString());
            }
            finally
            {
                Console.SetOut(output);
                Console.SetError(errors);
            }
        }
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={AuditDatabase};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _witness.Dispose();
        Directory.Delete(_directory, recursive: true);
        Directory.Delete(_witnessDirectory, recursive: true);
    }

    /// <summary>The gateway with its audit store in the test's folder, a witness, and checkpoints made only when a verification asks for one.</summary>
    private sealed class AuditHost : GatewayHost
    {
        public AuditHost(string directory, InProcessWitness witness)
            : base(directory)
        {
            Witness = witness;
        }

        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["Audit:CheckpointInterval"] = "01:00:00" };
    }
}
