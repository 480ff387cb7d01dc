namespace Exchange.Deploy.Tests;

/// <summary>The repository the tests run in: found by walking up from the test assembly to Exchange.sln.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string DeployDirectory => Path.Combine(Root, "deploy");

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadText(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Repository-relative path with forward slashes.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Exchange.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No Exchange.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>
/// The five Exchange services: the workload name in the built manifests, its project, the README
/// scope, the image (exchange/&lt;Image&gt;, also the department's client id for an adapter) and an adapter's department.
/// </summary>
internal sealed record ExchangeService(string Workload, string ProjectDirectory, string ReadmeScope, string Image, string? Department = null)
{
    public static readonly IReadOnlyList<ExchangeService> All =
    [
        new("gateway", "gateway/Exchange.Gateway", "gateway", "gateway"),
        new("catalog", "catalog/Exchange.Catalog", "catalog", "catalog"),
        new("public-security-adapter", "adapters/Exchange.Adapters.PublicSecurity", "adapters", "public-security", "PUBLIC-SECURITY"),
        new("market-regulation-adapter", "adapters/Exchange.Adapters.MarketRegulation", "adapters", "market-regulation", "MARKET-REGULATION"),
        new("civil-affairs-adapter", "adapters/Exchange.Adapters.CivilAffairs", "adapters", "civil-affairs", "CIVIL-AFFAIRS"),
    ];

    /// <summary>Workloads that are external dependencies, not Exchange services (development stand-ins).</summary>
    public static readonly IReadOnlySet<string> Dependencies = new HashSet<string>(StringComparer.Ordinal) { "redis", "postgres" };

    public string ProjectName => Path.GetFileName(ProjectDirectory);

    public string ProjectFile => $"{ProjectDirectory}/{ProjectName}.csproj";

    public static ExchangeService? ByWorkload(string name) => All.FirstOrDefault(s => s.Workload == name);

    public override string ToString() => Workload;
}

internal static class Problems
{
    /// <summary>Fails with every problem on its own line (xunit would shorten a collection).</summary>
    public static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} problem(s):\n" + string.Join("\n", list));
    }
}
