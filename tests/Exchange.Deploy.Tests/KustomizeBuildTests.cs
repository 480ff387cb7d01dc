using System.Diagnostics;

namespace Exchange.Deploy.Tests;

/// <summary>
/// When kubectl is installed, the kustomization must also build with it (offline: <c>kubectl kustomize</c> needs no
/// cluster), and kubeconform, when installed, must accept the result. Skipped where the tools are not there.
/// </summary>
public sealed class KustomizeBuildTests
{
    [Fact]
    public void Kubectl_kustomize_builds_every_document()
    {
        var kubectl = FindOnPath("kubectl");
        Assert.SkipWhen(kubectl is null, "kubectl is not installed");

        var (exit, output, error) = Run(kubectl!, "kustomize", Repository.DeployDirectory);

        Assert.True(exit == 0, error);
        var file = WriteTemporary(output);
        IReadOnlyList<YamlDotNet.RepresentationModel.YamlDocument> built;
        try
        {
            built = Manifests.Parse(file);
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(Manifests.Documents.Count, built.Count);
        Assert.All(built, document => Assert.Equal("exchange", Yaml.Scalar(document.RootNode, "kind") == "Namespace"
            ? Yaml.Scalar(document.RootNode, "metadata", "name")
            : Yaml.Scalar(document.RootNode, "metadata", "namespace")));
    }

    [Fact]
    public void Kubeconform_accepts_the_built_manifests()
    {
        var kubectl = FindOnPath("kubectl");
        var kubeconform = FindOnPath("kubeconform");
        Assert.SkipWhen(kubectl is null || kubeconform is null, "kubectl or kubeconform is not installed");

        var (_, output, _) = Run(kubectl!, "kustomize", Repository.DeployDirectory);
        var file = WriteTemporary(output);
        var (exit, report, error) = (0, string.Empty, string.Empty);
        try
        {
            (exit, report, error) = Run(kubeconform!, "-strict", "-summary", file);
        }
        finally
        {
            File.Delete(file);
        }

        Assert.True(exit == 0, report + error);
    }

    private static string WriteTemporary(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"exchange-deploy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string? FindOnPath(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static (int Exit, string Output, string Error) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"{program} did not finish in 60 s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
