using System.Data.Common;
using Exchange.Storage;

namespace Exchange.Gateway.Audit;

/// <summary>
/// <c>dotnet Exchange.Gateway.dll verify-audit [--ConnectionStrings:Audit=...]</c>: walks the audit chain offline,
/// prints the result, and exits 0 when it is intact, 1 when it is broken or cannot be read.
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static int Run(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        StoreConnection connection;
        try
        {
            connection = StoreConnection.Parse(configuration.GetConnectionString(AuditOptions.ConnectionStringName) ?? AuditOptions.DefaultConnectionString, AuditOptions.ConnectionStringName);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        using var store = new AuditStore(connection);
        if (!store.Exists)
        {
            Console.Error.WriteLine($"No audit log at {store.Location}.");
            return 1;
        }

        AuditVerification result;
        try
        {
            using var records = store.Open();
            result = AuditChainVerifier.Verify(records);
        }
        catch (DbException ex)
        {
            Console.Error.WriteLine($"Cannot read the audit log at {store.Location}: {ex.Message}");
            return 1;
        }

        if (result.IsIntact)
        {
            Console.WriteLine($"Audit chain intact: {result.RecordsChecked} records checked in {store.Location}.");
            return 0;
        }
        Console.WriteLine($"Audit chain BROKEN at record {result.FirstBrokenSequence}: {result.Problem} ({result.RecordsChecked} records before it are intact; {store.Location}).");
        return 1;
    }
}
