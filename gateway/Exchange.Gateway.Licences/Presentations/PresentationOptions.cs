namespace Exchange.Gateway.Licences.Presentations;

/// <summary>Presentation codes (亮证码), section <c>Presentations</c>.</summary>
public sealed class PresentationOptions
{
    public const string Section = "Presentations";

    /// <summary>How long a code can be redeemed after it was made.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong codes one clerk may enter within <see cref="FailureWindow"/> before the page refuses further codes from them.</summary>
    public int MaxFailuresPerClerk { get; set; } = 5;

    /// <summary>Wrong codes all the clerks of one department may enter within <see cref="FailureWindow"/>.</summary>
    public int MaxFailuresPerDepartment { get; set; } = 20;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
