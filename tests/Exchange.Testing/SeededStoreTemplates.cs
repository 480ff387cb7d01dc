using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Exchange.Testing;

/// <summary>
/// Each adapter seeds its SQLite stores at its first start (10,000 residents, about 10,000 signed licences: several
/// CPU-seconds, a minute on a loaded machine). The seeded stores and the issuer keys that signed the licences are taken
/// once per test process from the first adapter of each department that finished seeding, and copied into the working
/// directory of every later one before it starts: it finds its stores filled and skips seeding. The data is the same
/// either way (the population is generated deterministically); each cluster's adapters still register their keys with
/// their own catalog and fetch their own context keys.
/// </summary>
internal static class SeededStoreTemplates
{
    private static readonly ConcurrentDictionary<ExchangeService, string> Templates = new();
    private static readonly ConcurrentDictionary<ExchangeService, byte> Taking = new();

    static SeededStoreTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var template in Templates.Values)
        {
            try
            {
                Directory.Delete(template, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    };

    /// <summary>
    /// True for an adapter on its default SQLite stores with default store settings: a test that sets a connection
    /// string or the store's own settings (for example no seeding) gets what it asked for.
    /// </summary>
    public static bool Applies(ExchangeService service, IReadOnlyDictionary<string, string> settings) =>
        service is ExchangeService.PublicSecurity or ExchangeService.MarketRegulation or ExchangeService.CivilAffairs
        && !settings.Keys.Any(k => k.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)
                                   || k.StartsWith("AdapterStore:", StringComparison.OrdinalIgnoreCase)
                                   || k.StartsWith("Licences:", StringComparison.OrdinalIgnoreCase));

    public static void CopyInto(ExchangeService service, string workingDirectory)
    {
        if (!Templates.TryGetValue(service, out var template))
            return;
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(workingDirectory, Path.GetRelativePath(template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Takes the template from <paramref name="adapter"/> once it has seeded everything (its licence service serves).</summary>
    public static void TakeFrom(ServiceProcess adapter)
    {
        if (Templates.ContainsKey(adapter.Service) || !Taking.TryAdd(adapter.Service, 0))
            return;
        var data = Path.Combine(adapter.WorkingDirectory, ".data");
        if (!Directory.Exists(data))
            return;
        var template = RepositoryLayout.NewTemporaryDirectory($"seeded-{adapter.Service.ToString().ToLowerInvariant()}");
        foreach (var store in Directory.EnumerateFiles(data, "*.db", SearchOption.AllDirectories))
        {
            var target = Path.Combine(template, Path.GetRelativePath(adapter.WorkingDirectory, store));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // A consistent copy of a store the running adapter may still write to (its WAL included).
            using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", target);
            command.ExecuteNonQuery();
        }
        var keys = Path.Combine(data, "licences", "keys");
        if (Directory.Exists(keys))
        {
            foreach (var key in Directory.EnumerateFiles(keys))
            {
                var target = Path.Combine(template, Path.GetRelativePath(adapter.WorkingDirectory, key));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(key, target);
            }
        }
        Templates[adapter.Service] = template;
    }
}
