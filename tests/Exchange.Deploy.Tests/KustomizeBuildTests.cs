namespace Exchange.Deploy.Tests;

/// <summary>
/// The kustomization builds (every other test reads its output), puts everything in one namespace, and, when
/// kubeconform is installed, the result is valid Kubernetes.
/// </summary>
public sealed class KustomizeBuildTests
{
    [Fact]
    public void Kubectl_kustomize_builds_every_document_into_the_namespace()
    {
        Assert.NotEmpty(Manifests.Documents);
        Assert.All(Manifests.Documents, document => Assert.Equal("exchange", document.Kind == "Namespace"
            ? document.Name
            : Yaml.Scalar(document.Root, "metadata", "namespace")));
    }

    [Fact]
    public void Kubeconform_accepts_the_built_manifests()
    {
        var kubeconform = Kubectl.FindOnPath("kubeconform");
        Assert.SkipWhen(kubeconform is null, "kubeconform is not installed");

        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"exchange-deploy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, Kubectl.Kustomize(Repository.DeployDirectory));
        try
        {
            var (exit, report, error) = Programs.Run(kubeconform!, "-strict", "-summary", file);
            Assert.True(exit == 0, report + error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
