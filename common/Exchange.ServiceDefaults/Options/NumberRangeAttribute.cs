using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Exchange.ServiceDefaults.Options;

/// <summary>
/// A number between <c>minimum</c> and <c>maximum</c>, inclusive. Used instead of <see cref="RangeAttribute"/>, whose
/// <c>ErrorMessage</c> the options validator generator drops (dotnet/runtime#123137), so the message would no longer
/// name the configuration key.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NumberRangeAttribute(double minimum, double maximum) : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null
        || (value is IConvertible number && Convert.ToDouble(number, CultureInfo.InvariantCulture) is var n && n >= minimum && n <= maximum);
}
