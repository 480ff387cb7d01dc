using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Exchange.ServiceDefaults.Options;

/// <summary>
/// A duration between <c>minimum</c> and <c>maximum</c> (invariant "c" format, e.g. "00:00:01"); no maximum when it
/// is left out. <see cref="MinimumIsExclusive"/> for "must be positive" (minimum "00:00:00"). Used instead of
/// <see cref="RangeAttribute"/>, whose <c>ErrorMessage</c> the options validator generator drops (dotnet/runtime#123137).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class TimeSpanRangeAttribute(string minimum, string? maximum = null) : ValidationAttribute
{
    private readonly TimeSpan _minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
    private readonly TimeSpan _maximum = maximum is null ? TimeSpan.MaxValue : TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public bool MinimumIsExclusive { get; set; }

    public override bool IsValid(object? value) => value is not TimeSpan duration
        || ((MinimumIsExclusive ? duration > _minimum : duration >= _minimum) && duration <= _maximum);
}
