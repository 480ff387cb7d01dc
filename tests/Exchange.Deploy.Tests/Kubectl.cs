namespace Exchange.Deploy.Tests;

/// <summary>
/// Runs kubectl's built-in kustomize (offline: it needs no cluster), the one way these tests read deploy/ as a cluster
/// would receive it. kubectl is a test prerequisite, like redis-server for the other projects.
/// </summary>
internal static class Kubectl
{
    public static string? Path => FindOnPath("kubectl");

    /// <summary>The built YAML of a kustomization directory; fails with kustomize's own message when it does not build.</summary>
    public static string Kustomize(string directory)
    {
        var kubectl = Path ?? throw new Xunit.Sdk.XunitException(
            "kubectl is not installed: the deploy tests build deploy/ with `kubectl kustomize` (install kubectl 1.27 or later).");
        var (exit, output, error) = Programs.Run(kubectl, "kustomize", directory);
        if (exit != 0)
            throw new Xunit.Sdk.XunitException($"kubectl kustomize {directory} failed ({exit}): {error}");
        return output;
    }

    public static string? FindOnPath(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator)
            .Select(directory => System.IO.Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
