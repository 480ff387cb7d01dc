using System.Globalization;
using System.Text.Json;

namespace Exchange.Deploy.Tests;

/// <summary>
/// The services' images are built by the SDK from their projects (`dotnet publish -t:PublishContainer`), so what goes
/// into an image follows the project's references by itself. Building one needs mcr.microsoft.com, which is out of
/// reach here, so the settings the SDK would build from are read as MSBuild evaluates them and checked against the
/// manifests: the image name, the non-root user, and the ports.
/// </summary>
public sealed class ContainerImageTests
{
    public static TheoryData<string> Services => new(ExchangeService.All.Select(s => s.Workload));

    [Theory]
    [MemberData(nameof(Services))]
    public void Is_published_as_the_image_the_manifests_run(string workload)
    {
        var service = ExchangeService.ByWorkload(workload)!;
        var image = ContainerSettings.Of(service);

        // The name the manifests' images list maps to a registry and tag (ManifestTests checks that list).
        Assert.Equal($"exchange/{service.Image}", image.ImageName);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Runs_as_the_aspnet_image_non_root_user_in_a_directory_it_owns(string workload)
    {
        var image = ContainerSettings.Of(ExchangeService.ByWorkload(workload)!);

        // The aspnet image's user app (UID 1654, which the manifests run as) and its home directory.
        Assert.Equal("app", image.User);
        Assert.Equal("/home/app", image.WorkingDirectory);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Exposes_the_ports_the_manifests_use(string workload)
    {
        var image = ContainerSettings.Of(ExchangeService.ByWorkload(workload)!);
        var used = WorkloadTests.ContainerPorts(Manifests.WorkloadNamed(workload).Containers.Single()).Values.Order();

        Assert.Equal(used, image.Ports.Order());
    }

    [Fact]
    public void No_service_keeps_a_Dockerfile_beside_the_sdk_build()
    {
        var dockerfiles = ExchangeService.All.Select(s => $"{s.ProjectDirectory}/Dockerfile").Where(p => File.Exists(Repository.PathOf(p)));
        Problems.AssertNone(dockerfiles.Select(p => $"{p}: images are built with dotnet publish -t:PublishContainer; a Dockerfile would drift from it"));
    }
}

/// <summary>A service project's container settings, as `dotnet msbuild -getProperty` evaluates them.</summary>
internal sealed record ContainerSettings(string ImageName, string User, string WorkingDirectory, IReadOnlyList<int> Ports)
{
    public static ContainerSettings Of(ExchangeService service)
    {
        var (exit, output, error) = Programs.Run("dotnet", "msbuild", Repository.PathOf(service.ProjectFile), "-nologo",
            "-getProperty:ContainerRepository", "-getProperty:ContainerUser", "-getProperty:ContainerWorkingDirectory", "-getItem:ContainerPort");
        Assert.True(exit == 0, $"dotnet msbuild {service.ProjectFile}: {output}{error}");

        using var json = JsonDocument.Parse(output);
        var properties = json.RootElement.GetProperty("Properties");
        var ports = json.RootElement.GetProperty("Items").GetProperty("ContainerPort").EnumerateArray()
            .Select(p => int.Parse(p.GetProperty("Identity").GetString()!, CultureInfo.InvariantCulture)).ToList();
        return new ContainerSettings(
            properties.GetProperty("ContainerRepository").GetString()!,
            properties.GetProperty("ContainerUser").GetString()!,
            properties.GetProperty("ContainerWorkingDirectory").GetString()!,
            ports);
    }
}
