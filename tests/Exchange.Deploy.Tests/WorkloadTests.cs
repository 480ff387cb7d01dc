using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Exchange.Deploy.Tests;

/// <summary>Deployments and StatefulSets: probes, resources, non-root, labels and Services, volumes, scaling.</summary>
public sealed partial class WorkloadTests
{
    [Fact]
    public void Every_container_has_liveness_and_readiness_probes()
    {
        var problems = new List<string>();
        foreach (var workload in Manifests.Workloads)
            foreach (var container in Yaml.Mappings(workload.PodSpec, "containers"))
                foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
                    if (Yaml.Mapping(container, probe) is not { } p || !new[] { "grpc", "httpGet", "tcpSocket", "exec" }.Any(h => Yaml.Node(p, h) is not null))
                        problems.Add($"{workload} container {Yaml.Scalar(container, "name")}: no {probe} with a handler");
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Exchange_services_probe_the_health_endpoints_they_really_serve()
    {
        // What ServiceDefaults maps: the gRPC health service on every endpoint, and these HTTP paths.
        var defaults = Repository.ReadText("common/Exchange.ServiceDefaults/ServiceDefaultsExtensions.cs");
        Assert.Contains("MapGrpcHealthChecksService()", defaults, StringComparison.Ordinal);
        var httpPaths = HealthPath().Matches(defaults).Select(m => m.Groups["path"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("/health/live", httpPaths);

        var problems = new List<string>();
        foreach (var service in ExchangeService.All)
        {
            var workload = Manifests.WorkloadNamed(service.Workload);
            var container = workload.Containers.Single();
            var ports = ContainerPorts(container);
            var endpoints = KestrelEndpoints(service);
            foreach (var kind in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
            {
                if (Yaml.Mapping(container, kind) is not { } probe)
                {
                    if (kind != "startupProbe")
                        problems.Add($"{workload}: no {kind}");
                    continue;
                }
                if (Yaml.Mapping(probe, "grpc") is { } grpc)
                {
                    // Kubernetes requires a port number for gRPC probes; it must be the h2c gRPC endpoint.
                    var port = Yaml.Scalar(grpc, "port");
                    if (!int.TryParse(port, CultureInfo.InvariantCulture, out var number) || !ports.TryGetValue("grpc", out var grpcPort) || grpcPort != number)
                        problems.Add($"{workload} {kind}: gRPC probe on port {port}, not the container port named grpc");
                    // Only the overall status ("") is mapped by AddGrpcHealthChecks(); a named service would answer NOT_FOUND.
                    if (Yaml.Scalar(grpc, "service") is { Length: > 0 } name)
                        problems.Add($"{workload} {kind}: gRPC health service '{name}' is not registered; only the overall status is");
                }
                else if (Yaml.Mapping(probe, "httpGet") is { } http)
                {
                    var path = Yaml.Scalar(http, "path");
                    var port = Yaml.Scalar(http, "port");
                    if (path is null || !httpPaths.Contains(path))
                        problems.Add($"{workload} {kind}: HTTP path {path} is not one ServiceDefaults maps ({string.Join(", ", httpPaths)})");
                    // The kubelet speaks HTTP/1.1: the port must be a Kestrel endpoint configured for Http1.
                    int? number = ports.TryGetValue(port ?? "", out var named) ? named
                        : int.TryParse(port, CultureInfo.InvariantCulture, out var literal) ? literal : null;
                    var endpoint = endpoints.FirstOrDefault(e => number is not null && e.Port == number);
                    if (endpoint is null || !string.Equals(endpoint.Protocols, "Http1", StringComparison.OrdinalIgnoreCase))
                        problems.Add($"{workload} {kind}: HTTP probe on port {port}, which is not an HTTP/1.1 Kestrel endpoint of {service.ProjectDirectory}");
                }
                else
                {
                    problems.Add($"{workload} {kind}: use the gRPC health service or a ServiceDefaults HTTP path, not {string.Join(", ", ((YamlMappingNode)probe).Children.Keys)}");
                }
            }
            // Readiness must see every check (the gRPC overall status, or /health/ready); liveness only the "live" ones.
            if (Yaml.Mapping(container, "readinessProbe") is { } readiness && Yaml.Scalar(readiness, "httpGet", "path") == "/health/live")
                problems.Add($"{workload}: readiness on /health/live ignores the service's dependency checks");
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Every_container_has_cpu_and_memory_requests_and_limits_within_them()
    {
        var problems = new List<string>();
        foreach (var workload in Manifests.Workloads)
            foreach (var container in workload.Containers)
            {
                var name = $"{workload} container {Yaml.Scalar(container, "name")}";
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    var request = Yaml.Scalar(container, "resources", "requests", resource);
                    var limit = Yaml.Scalar(container, "resources", "limits", resource);
                    if (request is null || limit is null)
                    {
                        problems.Add($"{name}: {resource} request {request ?? "missing"}, limit {limit ?? "missing"}");
                        continue;
                    }
                    if (Quantity(request) is not { } r || Quantity(limit) is not { } l)
                        problems.Add($"{name}: {resource} '{request}' / '{limit}' is not a Kubernetes quantity");
                    else if (r <= 0 || l < r)
                        problems.Add($"{name}: {resource} limit {limit} is below its request {request}");
                }
            }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Every_workload_runs_as_non_root_without_privilege_escalation()
    {
        var problems = new List<string>();
        foreach (var workload in Manifests.Workloads)
        {
            var pod = Yaml.Mapping(workload.PodSpec, "securityContext");
            foreach (var container in workload.Containers)
            {
                var name = $"{workload} container {Yaml.Scalar(container, "name")}";
                var own = Yaml.Mapping(container, "securityContext");
                var nonRoot = Yaml.Scalar(own, "runAsNonRoot") ?? Yaml.Scalar(pod, "runAsNonRoot");
                var user = Yaml.Scalar(own, "runAsUser") ?? Yaml.Scalar(pod, "runAsUser");
                if (nonRoot != "true")
                    problems.Add($"{name}: runAsNonRoot is not true");
                if (user is null || user == "0")
                    problems.Add($"{name}: runAsUser must be a non-zero UID (the kubelet cannot check a named user)");
                if (Yaml.Scalar(own, "allowPrivilegeEscalation") != "false")
                    problems.Add($"{name}: allowPrivilegeEscalation is not false");
                if (Yaml.Scalar(own, "privileged") == "true")
                    problems.Add($"{name}: privileged");
                if (!Yaml.Scalars(own, "capabilities", "drop").Contains("ALL"))
                    problems.Add($"{name}: does not drop ALL capabilities");
                if (Yaml.Scalar(own, "readOnlyRootFilesystem") != "true")
                    problems.Add($"{name}: root filesystem is writable");
            }
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Exchange_services_run_as_the_aspnet_image_app_user()
    {
        // mcr.microsoft.com/dotnet/aspnet images define the user app with APP_UID 1654; the images run as it (common/ServiceContainer.props).
        var problems = ExchangeService.All.Select(s => Manifests.WorkloadNamed(s.Workload))
            .Where(w => Yaml.Scalar(w.PodSpec, "securityContext", "runAsUser") != "1654" || Yaml.Scalar(w.PodSpec, "securityContext", "fsGroup") != "1654")
            .Select(w => $"{w}: runAsUser and fsGroup should be 1654 (the image's app user), so the volumes are writable for it");
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Selectors_match_the_pod_labels_and_every_workload_has_a_service()
    {
        var services = Manifests.OfKind("Service").ToList();
        var problems = new List<string>();
        foreach (var workload in Manifests.Workloads)
        {
            var selector = Yaml.StringMap(Yaml.Mapping(workload.Spec, "selector", "matchLabels"));
            if (selector.Count == 0)
                problems.Add($"{workload}: no spec.selector.matchLabels");
            if (!IsSubset(selector, workload.TemplateLabels))
                problems.Add($"{workload}: selector {Show(selector)} does not match its pod labels {Show(workload.TemplateLabels)}");
            var matching = services.Where(s => Selects(s, workload)).ToList();
            if (matching.Count == 0)
                problems.Add($"{workload}: no Service selects its pods");
            if (services.All(s => s.Name != workload.Name) || !Selects(services.First(s => s.Name == workload.Name), workload))
                problems.Add($"{workload}: no Service of the same name selecting it");
            if (workload.Kind == "StatefulSet")
            {
                var governing = Yaml.Scalar(workload.Spec, "serviceName");
                if (governing is null || services.FirstOrDefault(s => s.Name == governing) is not { } svc || !Selects(svc, workload))
                    problems.Add($"{workload}: serviceName {governing} is not a Service selecting it");
            }
        }
        foreach (var service in services)
        {
            var selected = Manifests.Workloads.Where(w => Selects(service, w)).ToList();
            if (selected.Count != 1)
                problems.Add($"{service}: selects {selected.Count} workloads ({string.Join(", ", selected)}); expected exactly one");
            foreach (var port in Yaml.Mappings(service.Root, "spec", "ports"))
            {
                var target = Yaml.Scalar(port, "targetPort") ?? Yaml.Scalar(port, "port");
                if (!selected.Any(w => w.Containers.Any(c => ContainerPorts(c).Any(p => p.Key == target || p.Value.ToString(CultureInfo.InvariantCulture) == target))))
                    problems.Add($"{service}: targetPort {target} is no container port of {string.Join(", ", selected)}");
                if (Yaml.Scalar(port, "name") is null)
                    problems.Add($"{service}: port {Yaml.Scalar(port, "port")} has no name");
            }
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Every_volume_mount_and_claim_resolves()
    {
        var problems = new List<string>();
        foreach (var workload in Manifests.Workloads)
        {
            var volumes = workload.VolumeNames.ToHashSet(StringComparer.Ordinal);
            foreach (var container in workload.Containers)
                foreach (var mount in Yaml.Mappings(container, "volumeMounts"))
                    if (!volumes.Contains(Yaml.Scalar(mount, "name") ?? ""))
                        problems.Add($"{workload}: mounts unknown volume {Yaml.Scalar(mount, "name")}");
            foreach (var volume in Yaml.Mappings(workload.PodSpec, "volumes"))
            {
                if (Yaml.Scalar(volume, "persistentVolumeClaim", "claimName") is { } claim && Manifests.Find("PersistentVolumeClaim", claim) is null)
                    problems.Add($"{workload}: claim {claim} is not in deploy/");
                if (Yaml.Scalar(volume, "configMap", "name") is { } map && Manifests.Find("ConfigMap", map) is null)
                    problems.Add($"{workload}: ConfigMap {map} is not in deploy/");
                if (Yaml.Scalar(volume, "secret", "secretName") is { } secret && Manifests.Find("Secret", secret) is null)
                    problems.Add($"{workload}: Secret {secret} is not in deploy/");
            }
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Workloads_on_a_read_write_once_claim_run_one_replica_and_never_two_at_once()
    {
        var problems = new List<string>();
        foreach (var workload in Manifests.Workloads.Where(w => w.Kind == "Deployment"))
        {
            var claims = Yaml.Mappings(workload.PodSpec, "volumes").Where(v => Yaml.Node(v, "persistentVolumeClaim") is not null).ToList();
            if (claims.Count == 0)
                continue;
            if (Yaml.Scalar(workload.Spec, "replicas") != "1")
                problems.Add($"{workload}: mounts a claim but has replicas {Yaml.Scalar(workload.Spec, "replicas")}");
            if (Yaml.Scalar(workload.Spec, "strategy", "type") != "Recreate")
                problems.Add($"{workload}: mounts a claim; a rolling update would start a second pod on it (use Recreate)");
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Gateway_scales_horizontally_from_two_instances()
    {
        var gateway = Manifests.WorkloadNamed("gateway");
        Assert.True(int.Parse(Yaml.Scalar(gateway.Spec, "replicas") ?? "0", CultureInfo.InvariantCulture) >= 2, "gateway replicas < 2");

        var hpa = Manifests.OfKind("HorizontalPodAutoscaler").SingleOrDefault(h => Yaml.Scalar(h.Root, "spec", "scaleTargetRef", "name") == gateway.Name);
        Assert.NotNull(hpa);
        Assert.Equal(gateway.Kind, Yaml.Scalar(hpa.Root, "spec", "scaleTargetRef", "kind"));
        Assert.Equal("apps/v1", Yaml.Scalar(hpa.Root, "spec", "scaleTargetRef", "apiVersion"));
        var min = int.Parse(Yaml.Scalar(hpa.Root, "spec", "minReplicas") ?? "1", CultureInfo.InvariantCulture);
        var max = int.Parse(Yaml.Scalar(hpa.Root, "spec", "maxReplicas") ?? "0", CultureInfo.InvariantCulture);
        Assert.True(min >= 2 && max > min, $"HPA min {min}, max {max}");
        // A CPU utilisation target needs CPU requests on the pods, which the resources test ensures.
        Assert.NotEmpty(Yaml.Mappings(hpa.Root, "spec", "metrics"));

        var budget = Manifests.OfKind("PodDisruptionBudget").SingleOrDefault(p => IsSubset(Yaml.StringMap(Yaml.Mapping(p.Root, "spec", "selector", "matchLabels")), gateway.TemplateLabels));
        Assert.NotNull(budget);
    }

    [Fact]
    public void Gateway_instances_share_redis_and_get_context_keys_from_the_catalog()
    {
        var gateway = Manifests.WorkloadNamed("gateway");
        var environment = ContainerEnvironment.Of(gateway.Containers.Single());
        // Shared licence cache: without Redis each instance would cache alone (README: "one instance only").
        Assert.True(environment.TryGetValue("Redis__Configuration", out var redis) && redis.Secret is not null, "the gateway's Redis__Configuration is not set from a Secret");
        // Context keys come from the catalog with the gateway's client; no signing key is made per pod or mounted.
        Assert.False(environment.ContainsKey("ExchangeContext__SigningKeyPath"));
        Assert.True(environment.TryGetValue("Catalog__ClientSecret", out var secret) && secret.Secret is not null, "the gateway's Catalog__ClientSecret is not set from a Secret");
        // The catalog keeps the providers' context keys on its persistent volume, so a restart does not change them.
        var catalog = ContainerEnvironment.Of(Manifests.WorkloadNamed("catalog").Containers.Single());
        Assert.StartsWith("/var/lib/exchange/", catalog["ContextKeys__Directory"].Value);
    }

    private static bool Selects(ManifestDocument service, Workload workload)
    {
        var selector = Yaml.StringMap(Yaml.Mapping(service.Root, "spec", "selector"));
        return selector.Count > 0 && IsSubset(selector, workload.TemplateLabels);
    }

    private static bool IsSubset(IReadOnlyDictionary<string, string> subset, IReadOnlyDictionary<string, string> labels) =>
        subset.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static string Show(IReadOnlyDictionary<string, string> labels) => "{" + string.Join(", ", labels.Select(p => $"{p.Key}={p.Value}")) + "}";

    internal static Dictionary<string, int> ContainerPorts(YamlMappingNode container)
    {
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var port in Yaml.Mappings(container, "ports"))
            ports[Yaml.Scalar(port, "name") ?? Yaml.Scalar(port, "containerPort")!] = int.Parse(Yaml.Scalar(port, "containerPort")!, CultureInfo.InvariantCulture);
        return ports;
    }

    internal sealed record KestrelEndpoint(string Name, int? Port, string? Protocols);

    /// <summary>Kestrel endpoints of a service: names and protocols from appsettings.json, ports from its ConfigMap URL.</summary>
    internal static IReadOnlyList<KestrelEndpoint> KestrelEndpoints(ExchangeService service)
    {
        using var json = System.Text.Json.JsonDocument.Parse(Repository.ReadText($"{service.ProjectDirectory}/appsettings.json"));
        var environment = ContainerEnvironment.Of(Manifests.WorkloadNamed(service.Workload).Containers.Single());
        var endpoints = new List<KestrelEndpoint>();
        if (json.RootElement.TryGetProperty("Kestrel", out var kestrel) && kestrel.TryGetProperty("Endpoints", out var list))
            foreach (var endpoint in list.EnumerateObject())
            {
                var url = environment.TryGetValue($"Kestrel__Endpoints__{endpoint.Name}__Url", out var v) ? v.Value : null;
                var protocols = endpoint.Value.TryGetProperty("Protocols", out var p) ? p.GetString() : null;
                endpoints.Add(new(endpoint.Name, url is null ? null : new Uri(url).Port, protocols));
            }
        return endpoints;
    }

    /// <summary>Kubernetes quantities as numbers (cores or bytes).</summary>
    internal static decimal? Quantity(string text)
    {
        var match = QuantityPattern().Match(text);
        if (!match.Success)
            return null;
        var number = decimal.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["s"].Value switch
        {
            "" => number,
            "m" => number / 1000,
            "k" => number * 1000,
            "M" => number * 1000_000,
            "G" => number * 1000_000_000,
            "Ki" => number * 1024,
            "Mi" => number * 1024 * 1024,
            "Gi" => number * 1024 * 1024 * 1024,
            "Ti" => number * 1024m * 1024 * 1024 * 1024,
            _ => null,
        };
    }

    [GeneratedRegex("^(?<n>[0-9]+(\\.[0-9]+)?)(?<s>m|k|M|G|Ki|Mi|Gi|Ti)?$")]
    private static partial Regex QuantityPattern();

    [GeneratedRegex("""MapHealthChecks\(\s*"(?<path>[^"]+)""")]
    private static partial Regex HealthPath();
}
