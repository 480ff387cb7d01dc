using YamlDotNet.RepresentationModel;

namespace Exchange.Deploy.Tests;

/// <summary>One YAML document of a manifest file.</summary>
internal sealed record ManifestDocument(string File, int Index, YamlMappingNode Root)
{
    public string? ApiVersion => Yaml.Scalar(Root, "apiVersion");

    public string? Kind => Yaml.Scalar(Root, "kind");

    public string? Name => Yaml.Scalar(Root, "metadata", "name");

    public override string ToString() => $"{Kind}/{Name} ({File}#{Index})";
}

/// <summary>A Deployment or StatefulSet with its pod template.</summary>
internal sealed record Workload(ManifestDocument Document)
{
    public string Name => Document.Name!;

    public string Kind => Document.Kind!;

    public YamlMappingNode Spec => Yaml.Mapping(Document.Root, "spec") ?? new YamlMappingNode();

    public YamlMappingNode PodSpec => Yaml.Mapping(Spec, "template", "spec") ?? new YamlMappingNode();

    public IReadOnlyDictionary<string, string> TemplateLabels => Yaml.StringMap(Yaml.Mapping(Spec, "template", "metadata", "labels"));

    public IEnumerable<YamlMappingNode> Containers => Yaml.Mappings(PodSpec, "containers").Concat(Yaml.Mappings(PodSpec, "initContainers"));

    /// <summary>Names of the volumes a container may mount: the pod's volumes and, for a StatefulSet, its claim templates.</summary>
    public IEnumerable<string> VolumeNames =>
        Yaml.Mappings(PodSpec, "volumes").Select(v => Yaml.Scalar(v, "name")!)
            .Concat(Yaml.Mappings(Spec, "volumeClaimTemplates").Select(v => Yaml.Scalar(v, "metadata", "name")!));

    public override string ToString() => $"{Kind}/{Name}";
}

/// <summary>
/// What <c>kubectl kustomize deploy/</c> builds (the base and every overlay applied: what a cluster would receive), parsed
/// once; and the manifest files under deploy/ as written.
/// </summary>
internal static class Manifests
{
    private const string Built = "kubectl kustomize deploy/";

    private static readonly Lazy<IReadOnlyList<ManifestDocument>> LazyDocuments = new(Load);

    public static IReadOnlyList<ManifestDocument> Documents => LazyDocuments.Value;

    public static IEnumerable<ManifestDocument> OfKind(string kind) => Documents.Where(d => d.Kind == kind);

    public static IEnumerable<Workload> Workloads =>
        Documents.Where(d => d.Kind is "Deployment" or "StatefulSet").Select(d => new Workload(d));

    public static Workload WorkloadNamed(string name) =>
        Workloads.SingleOrDefault(w => w.Name == name) ?? throw new Xunit.Sdk.XunitException($"No Deployment or StatefulSet named {name} in {Built}.");

    public static ManifestDocument? Find(string kind, string name) => Documents.FirstOrDefault(d => d.Kind == kind && d.Name == name);

    /// <summary>The keys of a ConfigMap or Secret (data, stringData, binaryData).</summary>
    public static IReadOnlyDictionary<string, string> DataOf(ManifestDocument document)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in new[] { "data", "stringData", "binaryData" })
            foreach (var (key, value) in Yaml.StringMap(Yaml.Mapping(document.Root, section)))
                data[key] = value;
        return data;
    }

    /// <summary>Manifest files as written: every *.yaml / *.yml under deploy/ except the kustomizations themselves.</summary>
    public static IEnumerable<string> Files =>
        Directory.EnumerateFiles(Repository.DeployDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is not ("kustomization.yaml" or "kustomization.yml"))
            .Order(StringComparer.Ordinal);

    /// <summary>Every document of a file; null documents (empty, or only comments) are reported as such.</summary>
    public static IReadOnlyList<YamlDocument> Parse(string file)
    {
        using var reader = new StreamReader(file);
        return Parse(reader);
    }

    public static IReadOnlyList<YamlDocument> Parse(TextReader reader)
    {
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.ToList();
    }

    private static List<ManifestDocument> Load()
    {
        var parsed = Parse(new StringReader(Kubectl.Kustomize(Repository.DeployDirectory)));
        var documents = new List<ManifestDocument>();
        for (var i = 0; i < parsed.Count; i++)
        {
            if (parsed[i].RootNode is YamlMappingNode root)
                documents.Add(new ManifestDocument(Built, i, root));
            else
                throw new Xunit.Sdk.XunitException($"{Built} document {i} is not a mapping.");
        }
        return documents;
    }
}

internal static class Yaml
{
    public static YamlNode? Node(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
                return null;
        }
        return node;
    }

    public static string? Scalar(YamlNode? node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    public static YamlMappingNode? Mapping(YamlNode? node, params string[] path) => Node(node, path) as YamlMappingNode;

    public static IEnumerable<YamlNode> Sequence(YamlNode? node, params string[] path) =>
        Node(node, path) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<YamlMappingNode> Mappings(YamlNode? node, params string[] path) => Sequence(node, path).OfType<YamlMappingNode>();

    public static IEnumerable<string> Scalars(YamlNode? node, params string[] path) =>
        Sequence(node, path).OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty);

    /// <summary>A mapping of scalars as a dictionary; anything not a scalar value becomes its YAML text.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(YamlMappingNode? mapping)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mapping is null)
            return map;
        foreach (var (key, value) in mapping.Children)
            map[((YamlScalarNode)key).Value!] = value is YamlScalarNode scalar ? scalar.Value ?? string.Empty : value.ToString();
        return map;
    }

    public static bool IsTrue(YamlNode? node, params string[] path) => Scalar(node, path) == "true";
}
