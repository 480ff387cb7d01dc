using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Exchange.Deploy.Tests;

/// <summary>
/// The Dockerfiles cannot be built here (no Docker engine), so they are checked against the repository: base images,
/// stages, non-root user, that every project the service builds from is copied in, the publish target, the entry
/// point's assembly, and the ports the manifests use.
/// </summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string> Services => new(ExchangeService.All.Select(s => s.Workload));

    [Theory]
    [MemberData(nameof(Services))]
    public void Builds_with_the_sdk_and_runs_on_aspnet_10(string workload)
    {
        var dockerfile = Dockerfile.Load(Service(workload));
        var stages = dockerfile.Instructions.Where(i => i.Command == "FROM").Select(i => i.Arguments).ToList();

        Assert.Equal(2, stages.Count);
        Assert.Matches("^mcr\\.microsoft\\.com/dotnet/sdk:10\\.0 AS build$", stages[0]);
        Assert.Matches("^mcr\\.microsoft\\.com/dotnet/aspnet:10\\.0( AS \\w+)?$", stages[1]);
        // The runtime stage takes only the published output from the build stage.
        var runtime = dockerfile.Stage(1);
        Assert.All(runtime.Where(i => i.Command == "COPY"), copy => Assert.StartsWith("--from=build ", copy.Arguments, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Runs_as_a_non_root_user(string workload)
    {
        var runtime = Dockerfile.Load(Service(workload)).Stage(1);
        var user = runtime.LastOrDefault(i => i.Command == "USER")?.Arguments;

        Assert.NotNull(user);
        Assert.DoesNotMatch("^(root|0)(:.*)?$", user);
        // Nothing runs after switching away from root that would need it, and the user is set before the entry point.
        Assert.True(runtime.FindLastIndex(i => i.Command == "USER") < runtime.FindIndex(i => i.Command == "ENTRYPOINT"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Entry_point_runs_the_service_assembly_and_publishes_its_project(string workload)
    {
        var service = Service(workload);
        var dockerfile = Dockerfile.Load(service);
        Assert.True(File.Exists(Repository.PathOf(service.ProjectFile)), $"{service.ProjectFile} does not exist");

        var entry = dockerfile.Instructions.Single(i => i.Command == "ENTRYPOINT").Arguments;
        var arguments = JsonSerializer.Deserialize<string[]>(entry) ?? [];
        Assert.Equal(["dotnet", $"/app/{AssemblyName(service)}.dll"], arguments);

        var publish = dockerfile.Stage(0).Single(i => i.Command == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
        Assert.Contains($"dotnet publish {service.ProjectFile} ", publish, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish, StringComparison.Ordinal);
        Assert.Contains("-o /app", publish, StringComparison.Ordinal);
        Assert.Contains(dockerfile.Stage(1), i => i.Command == "COPY" && i.Arguments == "--from=build /app /app");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Copies_every_project_the_service_builds_from_and_the_root_build_files(string workload)
    {
        var service = Service(workload);
        var build = Dockerfile.Load(service).Stage(0);
        var copies = build.Where(i => i.Command == "COPY").Select(i => i.Arguments).ToList();

        Assert.Contains("global.json Directory.Build.props Directory.Packages.props ./", copies);
        foreach (var name in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
            Assert.True(File.Exists(Repository.PathOf(name)), $"{name} is not at the repository root");

        var missing = new List<string>();
        var restore = build.FindIndex(i => i.Command == "RUN" && i.Arguments.StartsWith("dotnet restore ", StringComparison.Ordinal));
        Assert.True(restore > 0, "no dotnet restore step");
        Assert.Equal($"dotnet restore {service.ProjectFile}", build[restore].Arguments);
        foreach (var project in ServiceSettings.ProjectClosure(service.ProjectFile))
        {
            var directory = Path.GetDirectoryName(project)!.Replace('\\', '/');
            // The project file before the restore (a cached layer), the whole folder after it.
            var projectCopy = build.FindIndex(i => i.Command == "COPY" && i.Arguments == $"{project} {directory}/");
            var folderCopy = build.FindIndex(i => i.Command == "COPY" && i.Arguments == $"{directory}/ {directory}/");
            if (projectCopy < 0 || projectCopy > restore)
                missing.Add($"COPY {project} {directory}/ before the restore");
            if (folderCopy < restore)
                missing.Add($"COPY {directory}/ {directory}/ after the restore");
        }
        // Nothing copied that the build does not use.
        var closure = ServiceSettings.ProjectClosure(service.ProjectFile).Select(p => Path.GetDirectoryName(p)!.Replace('\\', '/') + "/").ToHashSet();
        foreach (var copy in copies.Where(c => c.EndsWith('/') && !c.EndsWith("./", StringComparison.Ordinal)))
        {
            var source = copy.Split(' ')[0];
            var folder = source.EndsWith('/') ? source : Path.GetDirectoryName(source)!.Replace('\\', '/') + "/";
            if (!closure.Contains(folder))
                missing.Add($"copies {source}, which {service.ProjectFile} does not reference");
        }
        Problems.AssertNone(missing);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Exposes_the_ports_the_manifests_use(string workload)
    {
        var service = Service(workload);
        var exposed = Dockerfile.Load(service).Stage(1).Where(i => i.Command == "EXPOSE")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(p => int.Parse(p.Split('/')[0], CultureInfo.InvariantCulture)).Order();
        var used = WorkloadTests.ContainerPorts(Manifests.WorkloadNamed(workload).Containers.Single()).Values.Order();
        Assert.Equal(used, exposed);
    }

    [Fact]
    public void Dockerignore_keeps_build_output_and_local_data_out_of_the_context()
    {
        var lines = Repository.ReadText(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var required in new[] { "**/bin/", "**/obj/", ".git/", ".data/" })
            Assert.Contains(required, lines);
        // The build needs these; an ignore rule for them would break every image.
        foreach (var needed in new[] { "protos/", "common/", "adapters/", "gateway/", "catalog/", "global.json", "Directory.Build.props", "Directory.Packages.props" })
            Assert.DoesNotContain(needed, lines);
    }

    private static ExchangeService Service(string workload) => ExchangeService.ByWorkload(workload)!;

    private static string AssemblyName(ExchangeService service)
    {
        var match = AssemblyNameProperty().Match(Repository.ReadText(service.ProjectFile));
        return match.Success ? match.Groups["name"].Value : service.ProjectName;
    }

    [GeneratedRegex("<AssemblyName>(?<name>[^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameProperty();
}

internal sealed record DockerInstruction(string Command, string Arguments);

/// <summary>A Dockerfile as instructions (comments dropped, continuation lines joined).</summary>
internal sealed record Dockerfile(IReadOnlyList<DockerInstruction> Instructions)
{
    public static Dockerfile Load(ExchangeService service)
    {
        var path = Repository.PathOf(service.Dockerfile);
        Assert.True(File.Exists(path), $"{service.Dockerfile} is missing");
        var instructions = new List<DockerInstruction>();
        var pending = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            line = pending + line;
            pending = string.Empty;
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add(new(line[..space].ToUpperInvariant(), line[(space + 1)..].Trim()));
        }
        return new Dockerfile(instructions);
    }

    /// <summary>The instructions after the <paramref name="index"/>th FROM, up to the next.</summary>
    public List<DockerInstruction> Stage(int index)
    {
        var starts = Instructions.Select((instruction, i) => (instruction, i)).Where(x => x.instruction.Command == "FROM").Select(x => x.i).ToList();
        var end = index + 1 < starts.Count ? starts[index + 1] : Instructions.Count;
        return Instructions.Skip(starts[index] + 1).Take(end - starts[index] - 1).ToList();
    }
}
