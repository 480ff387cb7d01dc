using YamlDotNet.RepresentationModel;

namespace Exchange.Deploy.Tests;

/// <summary>Where an environment variable of a container comes from.</summary>
internal sealed record EnvironmentValue(string Name, string? Value, string? ConfigMap, string? Secret, string? Key)
{
    public string Origin => Secret is not null ? $"Secret {Secret}/{Key}" : ConfigMap is not null ? $"ConfigMap {ConfigMap}/{Key}" : "literal";
}

/// <summary>A container's environment: env entries and the keys of ConfigMaps/Secrets it takes whole (envFrom).</summary>
internal static class ContainerEnvironment
{
    public static Dictionary<string, EnvironmentValue> Of(YamlMappingNode container)
    {
        var environment = new Dictionary<string, EnvironmentValue>(StringComparer.Ordinal);
        foreach (var source in Yaml.Mappings(container, "envFrom"))
        {
            var prefix = Yaml.Scalar(source, "prefix") ?? string.Empty;
            if (Yaml.Scalar(source, "configMapRef", "name") is { } map && Manifests.Find("ConfigMap", map) is { } configMap)
                foreach (var (key, value) in Manifests.DataOf(configMap))
                    environment[prefix + key] = new(prefix + key, value, map, null, key);
            if (Yaml.Scalar(source, "secretRef", "name") is { } name && Manifests.Find("Secret", name) is { } secret)
                foreach (var (key, value) in Manifests.DataOf(secret))
                    environment[prefix + key] = new(prefix + key, value, null, name, key);
        }
        // env entries win over envFrom, as in Kubernetes.
        foreach (var variable in Yaml.Mappings(container, "env"))
        {
            var name = Yaml.Scalar(variable, "name")!;
            if (Yaml.Mapping(variable, "valueFrom", "configMapKeyRef") is { } mapRef)
            {
                var (map, key) = (Yaml.Scalar(mapRef, "name")!, Yaml.Scalar(mapRef, "key")!);
                var value = Manifests.Find("ConfigMap", map) is { } doc && Manifests.DataOf(doc).TryGetValue(key, out var v) ? v : null;
                environment[name] = new(name, value, map, null, key);
            }
            else if (Yaml.Mapping(variable, "valueFrom", "secretKeyRef") is { } secretRef)
            {
                var (secret, key) = (Yaml.Scalar(secretRef, "name")!, Yaml.Scalar(secretRef, "key")!);
                var value = Manifests.Find("Secret", secret) is { } doc && Manifests.DataOf(doc).TryGetValue(key, out var v) ? v : null;
                environment[name] = new(name, value, null, secret, key);
            }
            else
            {
                environment[name] = new(name, Yaml.Scalar(variable, "value"), null, null, null);
            }
        }
        return environment;
    }
}
