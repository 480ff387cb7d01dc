namespace Exchange.Resilience.Tests;

/// <summary>
/// How hard the fault tests push: a short run by default (CI), the long one with <c>EXCHANGE_FAULTS=full</c>.
/// Every loop is bounded by these numbers and by time, whatever the scale.
/// </summary>
public static class FaultScale
{
    public static bool Full { get; } = string.Equals(Environment.GetEnvironmentVariable("EXCHANGE_FAULTS"), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>Random inputs sent to each gateway-facing method.</summary>
    public static int FuzzInputsPerMethod => Full ? 100_000 : 1_500;

    /// <summary>How long load runs before and after a fault.</summary>
    public static TimeSpan LoadPhase => Full ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(3);

    /// <summary>Concurrent callers of a load.</summary>
    public static int Callers => Full ? 32 : 8;
}
