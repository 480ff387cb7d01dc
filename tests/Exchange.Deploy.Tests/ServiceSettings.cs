using System.Text.Json;
using System.Text.RegularExpressions;

namespace Exchange.Deploy.Tests;

/// <summary>
/// The settings a service really reads, from what the repository says and does: the configuration table of README.md
/// (rows for this service, its group, or "all"), the service's appsettings.json, adapters/README.md for adapters, and
/// the options classes of its source (a <c>const string Section = "..."</c> with public properties), including the
/// projects it references. Keys compare case-insensitively, as .NET configuration does; a README segment written as
/// <c>&lt;name&gt;</c> or <c>*</c> stands for any one segment.
/// </summary>
internal sealed partial class ServiceSettings
{
    private readonly List<string[]> _patterns = [];
    private readonly HashSet<string> _connectionStrings = new(StringComparer.OrdinalIgnoreCase);

    public ExchangeService Service { get; }

    public IReadOnlyList<string> Sources { get; }

    private ServiceSettings(ExchangeService service, IReadOnlyList<string> sources)
    {
        Service = service;
        Sources = sources;
    }

    public static ServiceSettings For(ExchangeService service)
    {
        var sources = new List<string> { "README.md", $"{service.ProjectDirectory}/appsettings.json" };
        var settings = new ServiceSettings(service, sources);
        foreach (var key in ReadmeTableKeys(Repository.ReadText("README.md"), service.ReadmeScope))
            settings.Add(key);
        foreach (var key in AppSettingsKeys(Repository.PathOf($"{service.ProjectDirectory}/appsettings.json")))
            settings.Add(key);
        if (service.ReadmeScope == "adapters")
        {
            sources.Add("adapters/README.md");
            foreach (var key in BacktickKeys(Repository.ReadText("adapters/README.md")))
                settings.Add(key);
        }
        foreach (var file in SourceFiles(service))
        {
            var text = File.ReadAllText(file);
            foreach (var key in OptionsKeys(text))
                settings.Add(key);
            foreach (Match match in ConnectionStringUse().Matches(text))
                settings._connectionStrings.Add(match.Groups["name"].Value);
        }
        sources.Add("options classes and GetConnectionString(...) in the service's source and referenced projects");
        foreach (var name in settings._connectionStrings)
            settings.Add($"ConnectionStrings:{name}");
        return settings;
    }

    /// <summary>Whether <paramref name="key"/> (colon-separated) is a setting of the service.</summary>
    public bool Knows(string key)
    {
        var segments = key.Split(':');
        return _patterns.Any(pattern => pattern.Length == segments.Length
                                        && pattern.Zip(segments).All(p => IsWildcard(p.First) || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Connection string names the service's code reads (GetConnectionString("...")).</summary>
    public IReadOnlySet<string> ConnectionStringsReadInCode => _connectionStrings;

    /// <summary>The configuration key an environment variable sets: <c>Section__Key</c> → <c>Section:Key</c>.</summary>
    public static string KeyOfEnvironmentVariable(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    private void Add(string key)
    {
        key = key.Replace("__", ":", StringComparison.Ordinal).Trim();
        if (key.Length > 0)
            _patterns.Add(key.Split(':'));
    }

    private static bool IsWildcard(string segment) => segment == "*" || (segment.StartsWith('<') && segment.EndsWith('>'));

    /// <summary>Keys of README.md's "## Configuration" table rows whose first column names this scope, "all", or a list with it.</summary>
    internal static IEnumerable<string> ReadmeTableKeys(string readme, string scope)
    {
        var inConfiguration = false;
        foreach (var line in readme.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
                inConfiguration = line.Trim() == "## Configuration";
            if (!inConfiguration || !line.StartsWith('|'))
                continue;
            var cells = line.Split('|');
            if (cells.Length < 4)
                continue;
            var scopes = cells[1].Split(',').Select(s => s.Trim());
            if (!scopes.Any(s => s == scope || s == "all"))
                continue;
            foreach (var key in RelativeKeys(Backticked().Matches(cells[2]).Select(m => m.Groups[1].Value)))
                yield return key;
        }
    }

    /// <summary>Backticked configuration keys of a document (things like <c>Section:Key</c>), with <c>:Key</c> siblings resolved.</summary>
    internal static IEnumerable<string> BacktickKeys(string text) =>
        RelativeKeys(Backticked().Matches(text).Select(m => m.Groups[1].Value).Where(t => t.Contains(':') && !t.Contains(' ') && !t.Contains('=')));

    /// <summary>Resolves README shorthand: <c>`A:B:C`, `:D`</c> means A:B:C and A:B:D.</summary>
    private static IEnumerable<string> RelativeKeys(IEnumerable<string> tokens)
    {
        string? previous = null;
        foreach (var raw in tokens)
        {
            var token = raw.Trim();
            if (token.StartsWith("--", StringComparison.Ordinal) || token.Length == 0)
                continue;
            if (token.StartsWith(':') && previous is not null)
            {
                var parent = previous[..previous.LastIndexOf(':')];
                yield return parent + token;
                continue;
            }
            if (token.StartsWith(':'))
                continue;
            token = token.Replace("__", ":", StringComparison.Ordinal);
            previous = token.Contains(':') ? token : previous;
            yield return token;
        }
    }

    /// <summary>Every leaf of appsettings.json, colon-joined.</summary>
    internal static IEnumerable<string> AppSettingsKeys(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var keys = new List<string>();
        Flatten(document.RootElement, null, keys);
        return keys;

        static void Flatten(JsonElement element, string? prefix, List<string> keys)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                        Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", keys);
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                        Flatten(item, $"{prefix}:{i++}", keys);
                    break;
                default:
                    if (prefix is not null)
                        keys.Add(prefix);
                    break;
            }
        }
    }

    /// <summary>Section:Property for every public settable property of a file that declares <c>const string Section = "..."</c>.</summary>
    internal static IEnumerable<string> OptionsKeys(string source)
    {
        var section = SectionConstant().Match(source);
        if (!section.Success)
            yield break;
        foreach (Match property in PublicProperty().Matches(source))
            yield return $"{section.Groups["section"].Value}:{property.Groups["name"].Value}";
    }

    /// <summary>C# files of the service's project and of every project it references (transitively), protos aside.</summary>
    internal static IEnumerable<string> SourceFiles(ExchangeService service) =>
        ProjectClosure(service.ProjectFile)
            .Select(project => Path.GetDirectoryName(Repository.PathOf(project))!)
            .SelectMany(directory => Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    internal static IReadOnlyList<string> ProjectClosure(string projectFile)
    {
        var seen = new List<string>();
        var pending = new Stack<string>([projectFile]);
        while (pending.TryPop(out var project))
        {
            if (seen.Contains(project))
                continue;
            seen.Add(project);
            var directory = Path.GetDirectoryName(Repository.PathOf(project))!;
            foreach (Match reference in ProjectReference().Matches(Repository.ReadText(project)))
            {
                var full = Path.GetFullPath(Path.Combine(directory, reference.Groups["path"].Value.Replace('\\', '/')));
                pending.Push(Repository.Relative(full));
            }
        }
        return seen;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("""const\s+string\s+Section\s*=\s*"(?<section>[^"]+)"\s*;""")]
    private static partial Regex SectionConstant();

    [GeneratedRegex("""public\s+(?!static|const)[\w<>\[\]?,. ]+?\s+(?<name>[A-Z]\w*)\s*\{\s*get;\s*(set|init);""")]
    private static partial Regex PublicProperty();

    [GeneratedRegex("""(GetConnectionString\(\s*|ConnectionStringName\s*=\s*)"(?<name>[^"]+)""")]
    private static partial Regex ConnectionStringUse();

    [GeneratedRegex("""<ProjectReference\s+Include="(?<path>[^"]+)""")]
    private static partial Regex ProjectReference();
}
