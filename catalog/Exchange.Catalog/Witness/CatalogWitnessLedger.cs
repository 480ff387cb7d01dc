using Exchange.Catalog.Store;
using Exchange.Transparency;

namespace Exchange.Catalog.Witness;

/// <summary>The catalog's witnessed checkpoints, one row per gateway audit log in the catalog's database.</summary>
internal sealed class CatalogWitnessLedger(IServiceScopeFactory scopes) : IWitnessLedger
{
    public WitnessedCheckpoint? Latest(string logId)
    {
        using var scope = scopes.CreateScope();
        var row = scope.ServiceProvider.GetRequiredService<CatalogDbContext>().WitnessedCheckpoints.Find(logId);
        return row is null
            ? null
            : new WitnessedCheckpoint(
                new SignedCheckpoint(new Checkpoint(row.LogId, row.TreeSize, Convert.FromHexString(row.RootHash), row.TimeMillis), row.KeyId, Convert.FromBase64String(row.Signature)),
                new Cosignature(row.WitnessId, "", row.CosignedAtMillis, Convert.FromBase64String(row.Cosignature)));
    }

    public void Save(WitnessedCheckpoint witnessed)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var c = witnessed.Signed.Checkpoint;
        var row = db.WitnessedCheckpoints.Find(c.LogId);
        if (row is null)
        {
            row = new WitnessedCheckpointRecord { LogId = c.LogId, RootHash = "", KeyId = "", Signature = "", WitnessId = "", Cosignature = "" };
            db.WitnessedCheckpoints.Add(row);
        }
        row.TreeSize = c.TreeSize;
        row.RootHash = c.RootHex;
        row.TimeMillis = c.TimeMillis;
        row.KeyId = witnessed.Signed.KeyId;
        row.Signature = Convert.ToBase64String(witnessed.Signed.Signature);
        row.WitnessId = witnessed.Cosignature.WitnessId;
        row.CosignedAtMillis = witnessed.Cosignature.TimeMillis;
        row.Cosignature = Convert.ToBase64String(witnessed.Cosignature.Signature);
        db.SaveChanges();
    }
}
