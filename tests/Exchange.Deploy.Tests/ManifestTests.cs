namespace Exchange.Deploy.Tests;

/// <summary>Every file parses, every document is a known kind with a name, and kustomization.yaml lists exactly the manifests.</summary>
public sealed class ManifestTests
{
    /// <summary>The kinds deploy/ may contain, with the API version each must use.</summary>
    private static readonly Dictionary<string, string> KnownKinds = new(StringComparer.Ordinal)
    {
        ["Namespace"] = "v1",
        ["ConfigMap"] = "v1",
        ["Secret"] = "v1",
        ["Service"] = "v1",
        ["PersistentVolumeClaim"] = "v1",
        ["Deployment"] = "apps/v1",
        ["StatefulSet"] = "apps/v1",
        ["HorizontalPodAutoscaler"] = "autoscaling/v2",
        ["PodDisruptionBudget"] = "policy/v1",
    };

    [Fact]
    public void Deploy_holds_manifests()
    {
        Assert.True(Directory.Exists(Repository.DeployDirectory), "deploy/ is missing");
        Assert.NotEmpty(Manifests.Files);
        Assert.NotEmpty(Manifests.Documents);
    }

    [Fact]
    public void Every_document_parses_and_has_api_version_kind_and_name()
    {
        var problems = new List<string>();
        foreach (var file in Manifests.Files)
        {
            var documents = Manifests.Parse(file);
            if (documents.Count == 0)
                problems.Add($"{Repository.Relative(file)}: no YAML document");
            for (var i = 0; i < documents.Count; i++)
            {
                var root = documents[i].RootNode;
                var where = $"{Repository.Relative(file)}#{i}";
                if (Yaml.Scalar(root, "apiVersion") is not { Length: > 0 })
                    problems.Add($"{where}: no apiVersion");
                if (Yaml.Scalar(root, "kind") is not { Length: > 0 })
                    problems.Add($"{where}: no kind");
                if (Yaml.Scalar(root, "metadata", "name") is not { Length: > 0 } name)
                    problems.Add($"{where}: no metadata.name");
                else if (!IsDnsLabelOrSubdomain(name))
                    problems.Add($"{where}: metadata.name '{name}' is not a valid Kubernetes name");
                // kustomization.yaml sets the namespace; a hard-coded one would escape it.
                if (Yaml.Scalar(root, "metadata", "namespace") is not null)
                    problems.Add($"{where}: sets metadata.namespace; leave it to kustomization.yaml");
            }
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Only_known_kinds_with_their_api_versions()
    {
        var problems = Manifests.Documents
            .Where(d => d.Kind is null || !KnownKinds.TryGetValue(d.Kind, out var api) || api != d.ApiVersion)
            .Select(d => $"{d}: {d.ApiVersion}/{d.Kind} is not one of {string.Join(", ", KnownKinds.Select(k => $"{k.Value}/{k.Key}"))}");
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Names_are_unique_per_kind()
    {
        var duplicates = Manifests.Documents.GroupBy(d => (d.Kind, d.Name)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Kind}/{g.Key.Name}: {string.Join(", ", g)}");
        Problems.AssertNone(duplicates);
    }

    [Fact]
    public void Kustomizations_list_every_manifest_once_and_only_existing_files()
    {
        var root = Kustomization.Load(Repository.DeployDirectory);
        Assert.False(string.IsNullOrWhiteSpace(Yaml.Scalar(root.Root, "namespace")), "deploy/kustomization.yaml sets no namespace");

        var problems = new List<string>();
        var listed = new List<string>();
        foreach (var kustomization in Kustomization.LoadAll())
        {
            if (Yaml.Scalar(kustomization.Root, "apiVersion") != "kustomize.config.k8s.io/v1beta1" || Yaml.Scalar(kustomization.Root, "kind") != "Kustomization")
                problems.Add($"{kustomization}: not a kustomize.config.k8s.io/v1beta1 Kustomization");
            foreach (var entry in kustomization.Files)
            {
                var path = Path.GetFullPath(Path.Combine(kustomization.Directory, entry));
                if (File.Exists(path))
                    listed.Add(Repository.Relative(path));
                else if (!File.Exists(Path.Combine(path, "kustomization.yaml")))
                    problems.Add($"{kustomization}: lists {entry}, which is neither a file nor a kustomization directory");
            }
        }
        problems.AddRange(Manifests.Files.Select(Repository.Relative).Where(f => !listed.Contains(f)).Select(f => $"listed by no kustomization.yaml: {f}"));
        problems.AddRange(listed.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => $"listed twice: {g.Key}"));
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Namespace_of_the_kustomization_is_created()
    {
        var name = Yaml.Scalar(Kustomization.Load(Repository.DeployDirectory).Root, "namespace");
        Assert.NotNull(Manifests.Find("Namespace", name!));
    }

    [Fact]
    public void Every_exchange_image_is_set_by_the_kustomization()
    {
        var images = Yaml.Mappings(Kustomization.Load(Repository.DeployDirectory).Root, "images").ToDictionary(i => Yaml.Scalar(i, "name")!, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var service in ExchangeService.All)
        {
            var workload = Manifests.WorkloadNamed(service.Workload);
            var image = Yaml.Scalar(workload.Containers.Single(), "image");
            if (!images.TryGetValue($"exchange/{service.Image}", out var entry) || Yaml.Scalar(entry, "newTag") is not { Length: > 0 } tag)
                problems.Add($"deploy/kustomization.yaml: no images entry with a newTag for exchange/{service.Image}");
            else if (image != $"{Yaml.Scalar(entry, "newName") ?? $"exchange/{service.Image}"}:{tag}")
                problems.Add($"{workload}: image '{image}', not the one deploy/kustomization.yaml sets for exchange/{service.Image}");
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Exactly_the_five_services_and_the_dependencies_run()
    {
        var expected = ExchangeService.All.Select(s => s.Workload).Concat(ExchangeService.Dependencies).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Manifests.Workloads.Select(w => w.Name).Order(StringComparer.Ordinal));
    }

    private static bool IsDnsLabelOrSubdomain(string name) =>
        name.Length <= 253 && System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
}

/// <summary>A kustomization.yaml: the files and directories it builds from (resources) and patches with.</summary>
internal sealed record Kustomization(string Directory, YamlDotNet.RepresentationModel.YamlMappingNode Root)
{
    public IEnumerable<string> Files =>
        Yaml.Scalars(Root, "resources").Concat(Yaml.Mappings(Root, "patches").Select(p => Yaml.Scalar(p, "path")).OfType<string>());

    public static Kustomization Load(string directory)
    {
        var documents = Manifests.Parse(Path.Combine(directory, "kustomization.yaml"));
        Assert.Single(documents);
        return new Kustomization(directory, (YamlDotNet.RepresentationModel.YamlMappingNode)documents[0].RootNode);
    }

    public static IEnumerable<Kustomization> LoadAll() =>
        System.IO.Directory.EnumerateFiles(Repository.DeployDirectory, "kustomization.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(f => Load(Path.GetDirectoryName(f)!));

    public override string ToString() => Repository.Relative(Path.Combine(Directory, "kustomization.yaml"));
}
