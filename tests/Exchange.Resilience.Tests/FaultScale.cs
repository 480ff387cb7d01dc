namespace Exchange.Resilience.Tests;

/// <summary>
/// How hard the fault tests push: a short run by default (CI), the long one with <c>EXCHANGE_FAULTS=full</c>.
/// Every loop is bounded by these numbers and by time, whatever the scale.
/// </summary>
public static class FaultScale
{
    public static bool Full { get; } = string.Equals(Environment.GetEnvironmentVariable("EXCHANGE_FAULTS"), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>Random inputs sent to each gateway-facing method.</summary>
    public static int FuzzInputsPerMethod => Full ? 100_000 : 300;

    /// <summary>
    /// How many calls of a load complete in each phase (before a fault, during it, after it): counted, not timed, so a
    /// phase is as long as the machine needs for them and no longer (<see cref="CallLoad.UntilAsync"/>).
    /// </summary>
    public static int CallsPerPhase => Full ? 4_000 : 40;

    /// <summary>The bound on one phase: generous, for a loaded machine; a phase normally ends in a fraction of it.</summary>
    public static TimeSpan PhaseLimit => TimeSpan.FromSeconds(90);

    /// <summary>Concurrent callers of a load.</summary>
    public static int Callers => Full ? 32 : 8;
}
