namespace Exchange.Gateway.Calls;

public static class CaseMetadataExtensions
{
    /// <summary>INVALID_ARGUMENT unless the call names its case (<c>x-exchange-case</c>) and purpose (<c>x-exchange-purpose</c>).</summary>
    public static IApplicationBuilder UseCaseMetadata(this IApplicationBuilder app) => app.UseMiddleware<CaseMetadataMiddleware>();
}
