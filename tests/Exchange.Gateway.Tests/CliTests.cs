using System.Diagnostics;
using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>The <c>exchange</c> command line, run as a user runs it against a gateway named on the command line.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class CliTests(RecordedClusterFixture fixture)
{
    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public void A_resident_is_looked_up_through_the_gateway_given_on_the_command_line()
    {
        var resident = SeededPopulation.Default.Residents[3];

        var (exitCode, output) = Run("resident", resident.CitizenId, "--gateway", Cluster.Gateway.Address.ToString(),
            "--token-endpoint", Cluster.TokenEndpoint.ToString(), "--client", ExchangeClients.CivilAffairs,
            "--secret", Cluster.SecretOf(ExchangeClients.CivilAffairs));

        Assert.True(exitCode == 0, output);
        Assert.Contains(resident.Name, output);
    }

    [Fact]
    public void Items_not_returned_are_named_as_withheld_never_printed_as_empty_values()
    {
        var resident = SeededPopulation.Default.Residents[4];

        var (exitCode, output) = Run("resident", resident.CitizenId, "--fields", "name", "--gateway", Cluster.Gateway.Address.ToString(),
            "--token-endpoint", Cluster.TokenEndpoint.ToString(), "--client", ExchangeClients.CivilAffairs,
            "--secret", Cluster.SecretOf(ExchangeClients.CivilAffairs));

        Assert.True(exitCode == 0, output);
        Assert.Contains(resident.Name, output);
        Assert.DoesNotContain("UNSPECIFIED", output);
        Assert.DoesNotContain("\"\"", output);
        Assert.Contains("not returned (withheld", output);
        Assert.Contains("resident.gender", output);
        Assert.Contains("resident.registered_address", output);
    }

    [Fact]
    public void An_address_that_is_not_a_url_is_refused_with_an_example()
    {
        var (exitCode, output) = Run("resident", SeededPopulation.Default.Residents[3].CitizenId, "--gateway", "127.0.0.1:7000");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--gateway must be an absolute http:// or https:// address", output);
    }

    [Fact]
    public void A_timeout_that_is_not_a_positive_number_of_seconds_is_refused()
    {
        var (exitCode, output) = Run("resident", SeededPopulation.Default.Residents[3].CitizenId, "--timeout", "0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--timeout must be a whole number of seconds above 0", output);
    }

    internal static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["EXCHANGE_CA"] = TestPki.CaPath;
        // The CLI's own 10 s default is for a person at a terminal; a loaded test machine (a cluster start of another test
        // next to this call) can take longer for the token and the call, and the result must not depend on that.
        start.Environment["EXCHANGE_TIMEOUT"] = "120";
        start.ArgumentList.Add(Path.Combine(RepositoryLayout.Root, "tools", "Exchange.Cli", "bin", RepositoryLayout.Configuration, "net10.0", "exchange.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("exchange did not finish within 60 s.");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }
}
