using Exchange.Testing;

namespace Exchange.Gateway.UnitTests.Architecture;

/// <summary>
/// The gateway's folders depend one way: the proxy (gateway/Exchange.Gateway.Proxy) knows nothing of the licence broker
/// and clerk page (gateway/Exchange.Gateway.Licences), and no folders use each other round a loop.
/// </summary>
public sealed class FolderDependencyTests
{
    private const string DiagramStart = "<!-- gateway-folders:start (FolderDependencyTests writes this) -->";
    private const string DiagramEnd = "<!-- gateway-folders:end -->";

    // EXCHANGE_GATEWAY_SOURCES points the check at another tree's gateway/ (to show it fails on an older layout).
    private static readonly GatewayDependencies Gateway = GatewayDependencies.Read(
        Environment.GetEnvironmentVariable("EXCHANGE_GATEWAY_SOURCES") ?? Path.Combine(RepositoryLayout.Root, "gateway"));

    [Fact]
    public void No_folders_use_each_other()
    {
        var cycles = Gateway.Cycles();

        Assert.True(cycles.Count == 0, "Gateway folders that use each other (break each loop so arrows point one way): "
            + string.Join("; ", cycles.Select(c => string.Join(" ↔ ", c) + " [" + string.Join(", ", Edges(c)) + "]")));
    }

    [Fact]
    public void The_proxy_does_not_use_the_licence_broker()
    {
        var proxyFolders = Gateway.ProjectOf.Where(p => p.Value != GatewayDependencies.LicenceProject).Select(p => p.Key).ToList();
        var licenceFolders = Gateway.ProjectOf.Where(p => p.Value == GatewayDependencies.LicenceProject).Select(p => p.Key).ToHashSet();

        var reaching = proxyFolders
            .SelectMany(folder => Gateway.Uses[folder].Where(licenceFolders.Contains).Select(used => $"{folder} → {used}"))
            .ToList();

        Assert.NotEmpty(licenceFolders);
        Assert.True(reaching.Count == 0, $"The proxy uses the licence project: {string.Join(", ", reaching)}. Put what both need in the proxy, "
            + "or let the licence project hand it in (an IAuditAttachment, a registration in its Add… method).");
    }

    [Fact]
    public void The_architecture_page_shows_the_dependencies_as_they_are()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "architecture.md"));
        var start = page.IndexOf(DiagramStart, StringComparison.Ordinal);
        var end = page.IndexOf(DiagramEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/architecture.md lacks the markers {DiagramStart} ... {DiagramEnd}.");

        var shown = page[(start + DiagramStart.Length)..end].Trim();

        Assert.True(shown == Gateway.Mermaid(), "docs/architecture.md's picture of the gateway's folders is out of date; between its markers put:\n"
            + Gateway.Mermaid());
    }

    private static IEnumerable<string> Edges(IReadOnlyList<string> cycle) =>
        cycle.SelectMany(from => Gateway.Uses[from].Where(cycle.Contains).Select(to => $"{from} → {to}"));
}
