using BenchmarkDotNet.Attributes;
using Exchange.Identifiers;

namespace Exchange.Bench.Micro;

/// <summary>GB 11643 / GB 32100 validation, run by adapters on every request's identifier.</summary>
public class IdentifierBenchmarks
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Benchmark]
    public bool CitizenIdValid() => CitizenId.Validate("330106198812153739", Today).IsValid;

    [Benchmark]
    public bool CitizenIdWrongCheckCharacter() => CitizenId.Validate("330106198812153738", Today).IsValid;

    [Benchmark]
    public bool CreditCodeValid() => UnifiedSocialCreditCode.Validate("91330106MALC7YCP9L").IsValid;
}
