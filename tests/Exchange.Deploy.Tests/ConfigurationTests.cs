using System.Text.RegularExpressions;

namespace Exchange.Deploy.Tests;

/// <summary>
/// Environment variables, ConfigMaps and Secrets: every reference resolves, Secrets hold placeholders only, secrets are
/// not in ConfigMaps, and every variable of an Exchange service sets a setting that service really reads.
/// </summary>
public sealed partial class ConfigurationTests
{
    /// <summary>What marks a placeholder: every Secret value must contain it.</summary>
    private const string Placeholder = "CHANGE-ME";

    [Fact]
    public void Every_value_from_names_an_existing_config_map_or_secret_key()
    {
        var problems = new List<string>();
        foreach (var workload in Manifests.Workloads)
            foreach (var container in workload.Containers)
            {
                foreach (var variable in Yaml.Mappings(container, "env"))
                {
                    var name = Yaml.Scalar(variable, "name");
                    var valueFrom = Yaml.Mapping(variable, "valueFrom");
                    if (valueFrom is null)
                    {
                        if (Yaml.Node(variable, "value") is null)
                            problems.Add($"{workload} env {name}: neither value nor valueFrom");
                        continue;
                    }
                    foreach (var (kind, field) in new[] { ("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef") })
                    {
                        if (Yaml.Mapping(valueFrom, field) is not { } reference)
                            continue;
                        var (source, key) = (Yaml.Scalar(reference, "name"), Yaml.Scalar(reference, "key"));
                        if (Yaml.Scalar(reference, "optional") == "true")
                            problems.Add($"{workload} env {name}: optional reference to {kind} {source}; a missing key must fail the pod, not start it unconfigured");
                        if (source is null || Manifests.Find(kind, source) is not { } document)
                            problems.Add($"{workload} env {name}: {kind} {source} is not in deploy/");
                        else if (key is null || !Manifests.DataOf(document).ContainsKey(key))
                            problems.Add($"{workload} env {name}: {kind} {source} has no key {key}");
                    }
                    if (Yaml.Node(valueFrom, "configMapKeyRef") is null && Yaml.Node(valueFrom, "secretKeyRef") is null)
                        problems.Add($"{workload} env {name}: valueFrom is neither a ConfigMap nor a Secret key");
                }
                foreach (var source in Yaml.Mappings(container, "envFrom"))
                {
                    if (Yaml.Scalar(source, "configMapRef", "name") is { } map && Manifests.Find("ConfigMap", map) is null)
                        problems.Add($"{workload} envFrom: ConfigMap {map} is not in deploy/");
                    if (Yaml.Scalar(source, "secretRef", "name") is { } secret && Manifests.Find("Secret", secret) is null)
                        problems.Add($"{workload} envFrom: Secret {secret} is not in deploy/");
                }
            }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Secrets_hold_only_placeholders_in_plain_string_data()
    {
        var problems = new List<string>();
        foreach (var secret in Manifests.OfKind("Secret"))
        {
            // base64 "data" would hide what is committed; only stringData, which a reviewer can read.
            if (Yaml.Node(secret.Root, "data") is not null || Yaml.Node(secret.Root, "binaryData") is not null)
                problems.Add($"{secret}: uses data; write placeholders as stringData");
            if (Yaml.Scalar(secret.Root, "type") is { } type && type != "Opaque")
                problems.Add($"{secret}: type {type}");
            var values = Yaml.StringMap(Yaml.Mapping(secret.Root, "stringData"));
            if (values.Count == 0)
                problems.Add($"{secret}: no keys");
            foreach (var (key, value) in values)
            {
                if (!value.Contains(Placeholder, StringComparison.Ordinal))
                    problems.Add($"{secret} key {key}: value without the {Placeholder} placeholder marker");
                if (value.Contains("-----BEGIN", StringComparison.Ordinal))
                    problems.Add($"{secret} key {key}: holds key material");
            }
        }
        foreach (var file in Manifests.Files.Where(f => Manifests.Parse(f).Any(d => Yaml.Scalar(d.RootNode, "kind") == "Secret")))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("PLACEHOLDER", StringComparison.Ordinal) || !text.Contains("secret store", StringComparison.Ordinal))
                problems.Add($"{Repository.Relative(file)}: no comment saying the values are placeholders and real ones come from the cluster's secret store");
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void No_secret_is_in_a_config_map_or_a_literal_value()
    {
        var problems = new List<string>();
        foreach (var map in Manifests.OfKind("ConfigMap"))
            foreach (var (key, value) in Manifests.DataOf(map))
                if (LooksSecret(key, value))
                    problems.Add($"{map} key {key}: looks like a secret; put it in a Secret");
        foreach (var workload in Manifests.Workloads)
            foreach (var container in workload.Containers)
                foreach (var variable in Yaml.Mappings(container, "env").Where(v => Yaml.Node(v, "value") is not null))
                    if (LooksSecret(Yaml.Scalar(variable, "name")!, Yaml.Scalar(variable, "value") ?? ""))
                        problems.Add($"{workload} env {Yaml.Scalar(variable, "name")}: a literal secret; take it from a Secret");
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Exchange_service_variables_use_the_section_key_convention_and_name_real_settings()
    {
        var problems = new List<string>();
        foreach (var service in ExchangeService.All)
        {
            var settings = ServiceSettings.For(service);
            var environment = ContainerEnvironment.Of(Manifests.WorkloadNamed(service.Workload).Containers.Single());
            Assert.NotEmpty(environment);
            foreach (var name in environment.Keys)
            {
                if (name.Contains(':', StringComparison.Ordinal) || name.Contains("___", StringComparison.Ordinal) || name.StartsWith('_') || name.EndsWith('_'))
                {
                    problems.Add($"{service}: {name} is not Section__Key");
                    continue;
                }
                var key = ServiceSettings.KeyOfEnvironmentVariable(name);
                if (!settings.Knows(key))
                    problems.Add($"{service}: {name} ({key}) is no setting of {service.ProjectDirectory} in {string.Join("; ", settings.Sources)}");
            }
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Secrets_reach_the_services_that_need_them()
    {
        var problems = new List<string>();
        foreach (var service in ExchangeService.All)
        {
            var environment = ContainerEnvironment.Of(Manifests.WorkloadNamed(service.Workload).Containers.Single());
            foreach (var value in environment.Values.Where(v => LooksSecret(v.Name, v.Value ?? "")))
                if (value.Secret is null)
                    problems.Add($"{service}: {value.Name} comes from {value.Origin}, not a Secret");
            foreach (var connection in environment.Values.Where(v => v.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)))
                if (connection.Value is { } text && text.StartsWith("Host=", StringComparison.Ordinal) && connection.Secret is null)
                    problems.Add($"{service}: PostgreSQL connection string {connection.Name} is not from a Secret");
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Every_store_has_a_connection_string_or_a_path_on_a_volume()
    {
        var problems = new List<string>();
        foreach (var service in ExchangeService.All)
        {
            var settings = ServiceSettings.For(service);
            var environment = ContainerEnvironment.Of(Manifests.WorkloadNamed(service.Workload).Containers.Single());
            var names = settings.ConnectionStringsReadInCode.ToList();
            if (AdapterStoreName(service) is { } store)
                names.Add(store);
            foreach (var name in names)
            {
                // Without one, the store defaults to a SQLite file under the working directory, lost with the pod.
                if (!environment.TryGetValue($"ConnectionStrings__{name}", out var value))
                    problems.Add($"{service}: ConnectionStrings__{name} is not set");
                else if (value.Value is null or "")
                    problems.Add($"{service}: ConnectionStrings__{name} is empty");
            }
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Each_adapter_sets_its_own_store_and_department()
    {
        var problems = new List<string>();
        foreach (var service in ExchangeService.All.Where(s => s.ReadmeScope == "adapters"))
        {
            var environment = ContainerEnvironment.Of(Manifests.WorkloadNamed(service.Workload).Containers.Single());
            var store = AdapterStoreName(service) ?? throw new Xunit.Sdk.XunitException($"{service}: no AddAdapterStore<...>(\"name\") in Program.cs");
            foreach (var other in new[] { "PublicSecurity", "MarketRegulation", "CivilAffairs" }.Where(n => n != store))
                if (environment.ContainsKey($"ConnectionStrings__{other}"))
                    problems.Add($"{service}: sets ConnectionStrings__{other}, another department's store");
            using var json = System.Text.Json.JsonDocument.Parse(Repository.ReadText($"{service.ProjectDirectory}/appsettings.json"));
            var department = json.RootElement.GetProperty("ExchangeContext").GetProperty("Department").GetString();
            if (environment.TryGetValue("ExchangeContext__Department", out var set) && set.Value != department)
                problems.Add($"{service}: ExchangeContext__Department {set.Value}, but the adapter is {department}");
            if (environment.TryGetValue("Catalog__ClientId", out var client) && client.Value != service.Image)
                problems.Add($"{service}: registers its issuer keys as {client.Value}, not its own client {service.Image}");
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Listening_urls_are_the_container_ports_on_every_interface()
    {
        var problems = new List<string>();
        foreach (var service in ExchangeService.All)
        {
            var container = Manifests.WorkloadNamed(service.Workload).Containers.Single();
            var ports = WorkloadTests.ContainerPorts(container).Values.ToHashSet();
            var environment = ContainerEnvironment.Of(container);
            var urls = environment.Values.Where(v => v.Name == "Urls" || (v.Name.StartsWith("Kestrel__Endpoints__", StringComparison.Ordinal) && v.Name.EndsWith("__Url", StringComparison.Ordinal))).ToList();
            if (urls.Count == 0)
                problems.Add($"{service}: no listening URL set; the appsettings.json default listens on 127.0.0.1 only, unreachable from other pods");
            foreach (var url in urls)
            {
                var uri = new Uri(url.Value!);
                if (uri.Host is not ("0.0.0.0" or "[::]" or "+" or "*"))
                    problems.Add($"{service}: {url.Name} listens on {uri.Host}, not every interface");
                if (!ports.Remove(uri.Port))
                    problems.Add($"{service}: {url.Name} port {uri.Port} is no container port");
            }
            if (ports.Count > 0)
                problems.Add($"{service}: container ports {string.Join(", ", ports)} have no listening URL");
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Service_addresses_in_the_configuration_point_at_services_and_ports_in_deploy()
    {
        var problems = new List<string>();
        var services = Manifests.OfKind("Service").ToDictionary(s => s.Name!, StringComparer.Ordinal);
        foreach (var service in ExchangeService.All)
        {
            var environment = ContainerEnvironment.Of(Manifests.WorkloadNamed(service.Workload).Containers.Single());
            foreach (var value in environment.Values.Where(v => v.Name != "Urls" && !v.Name.StartsWith("Kestrel__", StringComparison.Ordinal)))
            {
                if (value.Value is null || !Uri.TryCreate(value.Value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    continue;
                var host = uri.Host.Split('.')[0];
                if (!services.TryGetValue(host, out var target))
                    problems.Add($"{service}: {value.Name} = {value.Value}: no Service {host} in deploy/");
                else if (!Yaml.Mappings(target.Root, "spec", "ports").Any(p => Yaml.Scalar(p, "port") == uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    problems.Add($"{service}: {value.Name} = {value.Value}: Service {host} has no port {uri.Port}");
            }
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Gateway_and_catalog_agree_on_the_token_issuer_and_the_clients_share_one_secret()
    {
        var gateway = ContainerEnvironment.Of(Manifests.WorkloadNamed("gateway").Containers.Single());
        var catalog = ContainerEnvironment.Of(Manifests.WorkloadNamed("catalog").Containers.Single());
        Assert.Equal(catalog["Identity__Issuer"].Value, gateway["Identity__Authority"].Value);

        var problems = new List<string>();
        foreach (var service in ExchangeService.All.Where(s => s.Workload != "catalog"))
        {
            var environment = ContainerEnvironment.Of(Manifests.WorkloadNamed(service.Workload).Containers.Single());
            var client = environment["Catalog__ClientId"].Value!;
            var secret = environment["Catalog__ClientSecret"];
            if (!catalog.TryGetValue($"Identity__Clients__{client}__Secret", out var seeded))
                problems.Add($"{service}: client {client} is not seeded by the catalog (no Identity__Clients__{client}__Secret)");
            else if ((seeded.Secret, seeded.Key) != (secret.Secret, secret.Key))
                problems.Add($"{service}: its secret comes from {secret.Origin}, the catalog's for {client} from {seeded.Origin}");
        }
        Problems.AssertNone(problems);
    }

    [Fact]
    public void Absolute_paths_in_the_configuration_are_on_mounted_volumes()
    {
        var problems = new List<string>();
        foreach (var service in ExchangeService.All)
        {
            var workload = Manifests.WorkloadNamed(service.Workload);
            var container = workload.Containers.Single();
            var mounts = Yaml.Mappings(container, "volumeMounts").Select(m => (Path: Yaml.Scalar(m, "mountPath")!, Volume: Yaml.Scalar(m, "name")!)).ToList();
            foreach (var value in ContainerEnvironment.Of(container).Values)
            {
                var path = value.Value is { } text && text.StartsWith("Data Source=", StringComparison.Ordinal) ? text["Data Source=".Length..].Split(';')[0]
                    : value.Value is { } plain && plain.StartsWith('/') ? plain : null;
                if (path is null)
                    continue;
                var mount = mounts.Where(m => path == m.Path || path.StartsWith(m.Path + "/", StringComparison.Ordinal)).OrderByDescending(m => m.Path.Length).FirstOrDefault();
                if (mount.Path is null)
                {
                    problems.Add($"{service}: {value.Name} = {path} is on no mounted volume (the root filesystem is read-only)");
                    continue;
                }
                // A path into a mounted Secret or ConfigMap must name one of its keys.
                var volume = Yaml.Mappings(workload.PodSpec, "volumes").FirstOrDefault(v => Yaml.Scalar(v, "name") == mount.Volume);
                var source = Yaml.Scalar(volume, "secret", "secretName") is { } s ? Manifests.Find("Secret", s)
                    : Yaml.Scalar(volume, "configMap", "name") is { } c ? Manifests.Find("ConfigMap", c) : null;
                if (source is not null && path != mount.Path && !Manifests.DataOf(source).ContainsKey(path[(mount.Path.Length + 1)..]))
                    problems.Add($"{service}: {value.Name} = {path}, but {source} has no key {path[(mount.Path.Length + 1)..]}");
            }
        }
        Problems.AssertNone(problems);
    }

    internal static string? AdapterStoreName(ExchangeService service)
    {
        var program = Repository.ReadText($"{service.ProjectDirectory}/Program.cs");
        var match = AdapterStore().Match(program);
        return match.Success ? match.Groups["name"].Value : null;
    }

    private static bool LooksSecret(string key, string value) =>
        SecretName().IsMatch(key) || value.Contains("Password=", StringComparison.OrdinalIgnoreCase) || value.Contains("password=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("PRIVATE KEY", StringComparison.Ordinal);

    [GeneratedRegex("(password|secret)(?!.*(path|directory))", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("""AddAdapterStore<\w+(?:,\s*\w+)*>\(\s*"(?<name>[^"]+)"\s*\)""")]
    private static partial Regex AdapterStore();
}
