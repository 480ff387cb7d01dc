using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Exchange.Testing;

/// <summary>
/// Each adapter seeds its SQLite stores at its first start (10,000 residents, about 10,000 signed licences: several
/// CPU-seconds, a minute on a loaded machine). One adapter of each department seeds; its seeded stores and the issuer
/// keys that signed the licences are taken as a template and copied into the working directory of every later one
/// before it starts: it finds its stores filled and skips seeding. The data is the same either way (the population is
/// generated deterministically); each cluster's adapters still register their keys with their own catalog and fetch
/// their own context keys.
/// <para>
/// A cluster starting an adapter while another one of that department seeds waits for its template
/// (<see cref="AcquireAsync"/>) instead of seeding the same stores beside it. With <see cref="SharedDirectoryVariable"/>
/// set (scripts/test.sh sets it for a run), the templates live there and are shared by every test process of the run,
/// a file lock per department standing for "seeding now"; without it they live for one test process.
/// </para>
/// </summary>
internal static class SeededStoreTemplates
{
    /// <summary>A directory every test process of one test run shares for the templates (the same build's adapters).</summary>
    public const string SharedDirectoryVariable = "EXCHANGE_SEEDED_STORES";

    private const string CompleteMarker = ".complete";

    private static readonly string? SharedDirectory = Environment.GetEnvironmentVariable(SharedDirectoryVariable) is { Length: > 0 } shared ? shared : null;
    private static readonly ConcurrentDictionary<ExchangeService, string> Templates = new();
    private static readonly ConcurrentDictionary<ExchangeService, SemaphoreSlim> Seeding = new();

    static SeededStoreTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        if (SharedDirectory is not null)
            return;
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

    /// <summary>
    /// Waits while another adapter of <paramref name="service"/> (in this process, or in another of the run) seeds. The
    /// lease says whether a template is ready (start from it) or the caller seeds: it then holds the department's turn
    /// until it has called <see cref="TakeFrom"/> or, when its start failed, disposed the lease (the next one seeds).
    /// </summary>
    public static async Task<Lease> AcquireAsync(ExchangeService service, CancellationToken cancellationToken)
    {
        var turn = Seeding.GetOrAdd(service, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        FileStream? fileLock = null;
        try
        {
            if (!Ready(service) && SharedDirectory is not null)
                fileLock = await LockAsync(Path.Combine(SharedDirectory, service + ".lock"), cancellationToken);
            if (Ready(service))
            {
                fileLock?.Dispose();
                turn.Release();
                return new Lease(null, null);
            }
            return new Lease(turn, fileLock);
        }
        catch
        {
            fileLock?.Dispose();
            turn.Release();
            throw;
        }
    }

    public static void CopyInto(ExchangeService service, string workingDirectory)
    {
        if (!Ready(service))
            return;
        var template = Templates[service];
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == CompleteMarker)
                continue;
            var target = Path.Combine(workingDirectory, Path.GetRelativePath(template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Takes the template from <paramref name="adapter"/> once it has seeded everything (its licence service serves).</summary>
    public static void TakeFrom(ServiceProcess adapter)
    {
        if (Ready(adapter.Service))
            return;
        var data = Path.Combine(adapter.WorkingDirectory, ".data");
        if (!Directory.Exists(data))
            return;
        var template = SharedDirectory is null
            ? RepositoryLayout.NewTemporaryDirectory($"seeded-{adapter.Service.ToString().ToLowerInvariant()}")
            : Path.Combine(SharedDirectory, adapter.Service.ToString());
        if (Directory.Exists(template))
            Directory.Delete(template, recursive: true);
        Directory.CreateDirectory(template);
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
        // Written last: another process copies a template only once it is whole.
        File.WriteAllText(Path.Combine(template, CompleteMarker), "");
        Templates[adapter.Service] = template;
    }

    private static bool Ready(ExchangeService service)
    {
        if (Templates.ContainsKey(service))
            return true;
        if (SharedDirectory is null)
            return false;
        var shared = Path.Combine(SharedDirectory, service.ToString());
        if (!File.Exists(Path.Combine(shared, CompleteMarker)))
            return false;
        Templates[service] = shared;
        return true;
    }

    /// <summary>An exclusive lock on <paramref name="path"/> (.NET takes an flock for FileShare.None), polled: another test process may hold it while it seeds.</summary>
    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    /// <summary>A department's turn to seed (or none, when a template is ready); disposing it lets the next one go.</summary>
    public sealed class Lease(SemaphoreSlim? turn, FileStream? fileLock) : IDisposable
    {
        private SemaphoreSlim? _turn = turn;

        /// <summary>True when the caller seeds and should take the template from its adapter.</summary>
        public bool Seeds => _turn is not null;

        public void Dispose()
        {
            fileLock?.Dispose();
            Interlocked.Exchange(ref _turn, null)?.Release();
        }
    }
}
