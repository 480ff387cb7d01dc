using System.Text;
using System.Text.RegularExpressions;

namespace Exchange.Gateway.UnitTests.Architecture;

/// <summary>
/// Which of the gateway's folders use which, read from the sources of its projects: a folder is the namespace
/// <c>Exchange.Gateway.X</c> (its files may lie in subfolders, <c>X.Y</c>); it uses another when a file names that
/// namespace in a using directive, a fully qualified name, or a qualified name relative to <c>Exchange.Gateway</c>
/// (<c>Licences.LicenceUse</c> inside <c>Exchange.Gateway.Audit</c>). Comments and string literals are skipped.
/// The host's Program.cs, the composition root, is left out.
/// </summary>
internal sealed partial class GatewayDependencies
{
    public const string ProxyProject = "Exchange.Gateway.Proxy";
    public const string LicenceProject = "Exchange.Gateway.Licences";
    private const string Root = "Exchange.Gateway";

    private GatewayDependencies(SortedDictionary<string, SortedSet<string>> uses, SortedDictionary<string, string> projects)
    {
        Uses = uses;
        ProjectOf = projects;
    }

    /// <summary>Folder → the folders it uses.</summary>
    public SortedDictionary<string, SortedSet<string>> Uses { get; }

    /// <summary>Folder → the project (directory under gateway/) its files are in.</summary>
    public SortedDictionary<string, string> ProjectOf { get; }

    /// <summary>The gateway projects under <paramref name="gatewayDirectory"/> (the balancer, another process, aside).</summary>
    public static GatewayDependencies Read(string gatewayDirectory)
    {
        var files = new List<(string Project, string Folder, string Code)>();
        foreach (var project in Directory.GetDirectories(gatewayDirectory, Root + "*"))
        {
            var projectName = Path.GetFileName(project);
            if (projectName == Root + ".Balancer")
                continue;
            foreach (var path in Directory.EnumerateFiles(project, "*.*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(project, path);
                if (!(path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
                    || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    || relative == "Program.cs")
                    continue;
                var code = WithoutCommentsAndStrings(File.ReadAllText(path));
                var declared = NamespaceDeclaration().Match(code);
                if (!declared.Success)
                    continue;
                files.Add((projectName, FolderOf(declared.Groups[1].Value), code));
            }
        }

        var folders = files.Select(f => f.Folder).Where(f => f.Length > 0).ToHashSet(StringComparer.Ordinal);
        // What X.Name may name inside folder X: its types and its subnamespaces.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, folder, code) in files)
        {
            foreach (Match type in TypeDeclaration().Matches(code))
                names.Add(folder + "." + type.Groups[1].Value);
            var parts = NamespaceDeclaration().Match(code).Groups[1].Value.Split('.');
            if (parts.Length > 3)
                names.Add(parts[2] + "." + parts[3]);
        }
        var uses = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var projects = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (project, folder, code) in files)
        {
            if (folder.Length == 0)
                continue;
            projects.TryAdd(folder, project);
            var used = uses.TryGetValue(folder, out var set) ? set : uses[folder] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Match named in QualifiedName().Matches(code))
                used.Add(named.Groups[1].Value);
            foreach (Match relative in RelativeName().Matches(code))
            {
                if (names.Contains(relative.Value))
                    used.Add(relative.Groups[1].Value);
            }
            used.Remove(folder);
            used.RemoveWhere(f => !folders.Contains(f));
        }
        return new GatewayDependencies(uses, projects);
    }

    /// <summary>Every set of folders that use each other, directly or round a longer loop (Tarjan's strongly connected components).</summary>
    public List<List<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<List<string>>();
        foreach (var folder in Uses.Keys)
        {
            if (!index.ContainsKey(folder))
                Visit(folder);
        }
        return cycles;

        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var used in Uses.GetValueOrDefault(folder) ?? [])
            {
                if (!index.ContainsKey(used))
                {
                    Visit(used);
                    low[folder] = Math.Min(low[folder], low[used]);
                }
                else if (onStack.Contains(used))
                    low[folder] = Math.Min(low[folder], index[used]);
            }
            if (low[folder] != index[folder])
                return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != folder);
            if (component.Count > 1)
                cycles.Add([.. component.Order(StringComparer.Ordinal)]);
        }
    }

    /// <summary>The picture in docs/architecture.md: one box per folder, grouped by project, an arrow per use.</summary>
    public string Mermaid()
    {
        var text = new StringBuilder("```mermaid\nflowchart TD\n");
        foreach (var project in ProjectOf.Values.Distinct().Order(StringComparer.Ordinal))
        {
            text.Append("  subgraph ").Append(project.Replace('.', '_')).Append("[\"").Append(project).Append("\"]\n");
            foreach (var folder in ProjectOf.Where(p => p.Value == project).Select(p => p.Key))
                text.Append("    ").Append(Id(folder)).Append("[\"").Append(folder).Append("\"]\n");
            text.Append("  end\n");
        }
        foreach (var (folder, used) in Uses)
        {
            foreach (var target in used)
                text.Append("  ").Append(Id(folder)).Append(" --> ").Append(Id(target)).Append('\n');
        }
        return text.Append("```").ToString();

        static string Id(string folder) => folder.Replace('.', '_');
    }

    // Licences and its subnamespaces (Licences.Clerk, Licences.Facts, ...) are folders of their own; in the proxy, a
    // folder's subnamespaces (Audit.Store, Audit.Transparency) belong to it.
    private static string FolderOf(string ns)
    {
        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal))
            return string.Empty;
        var parts = ns[(Root.Length + 1)..].Split('.');
        return parts[0] == "Licences" && parts.Length > 1 ? parts[0] + "." + parts[1] : parts[0];
    }

    private static string WithoutCommentsAndStrings(string code) => Literals().Replace(code, match =>
        match.Value.StartsWith('/') ? string.Empty : "\"\"");

    [GeneratedRegex(@"^\s*@?namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    // Exchange.Gateway.X or Exchange.Gateway.Licences.Y: a using directive, a fully qualified name, a Razor @using or @model.
    [GeneratedRegex(@"\bExchange\.Gateway\.(Licences\.(?:Clerk|Facts|Presentations|Rules|Pages)|\w+)\b")]
    private static partial Regex QualifiedName();

    // X.Name not preceded by a dot or word character: inside Exchange.Gateway.* that resolves to Exchange.Gateway.X.Name.
    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.[A-Z]\w*")]
    private static partial Regex RelativeName();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"""""""[\s\S]*?""""""|@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'|//[^\n]*|/\*[\s\S]*?\*/")]
    private static partial Regex Literals();
}
