namespace Exchange.Testing;

/// <summary>Finds the repository and the build output of the services the tests start.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: whatever the running test assembly was built as, so services match it.</summary>
    public static string Configuration { get; } = FindConfiguration();

    public static string AssemblyOf(ExchangeService service)
    {
        var name = service.ProjectName();
        var path = Path.Combine(Root, service.Folder(), name, "bin", Configuration, "net10.0", name + ".dll");
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"{name} is not built at {path}. Build the solution first: dotnet build Exchange.sln -c {Configuration}", path);
        return path;
    }

    public static string NewTemporaryDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "exchange-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Exchange.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Exchange.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }

    private static string FindConfiguration()
    {
        var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(parts, "bin");
        return bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Debug";
    }
}
