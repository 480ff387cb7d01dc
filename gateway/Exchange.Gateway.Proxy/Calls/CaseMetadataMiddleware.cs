using Exchange.ExchangeContext;
using Exchange.Gateway.Routing;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.Calls;

/// <summary>
/// Binds every call to the case (办件编号) and purpose its consumer declares in metadata; a call without
/// them is INVALID_ARGUMENT naming the missing or malformed header.
/// </summary>
internal sealed class CaseMetadataMiddleware(RequestDelegate next)
{
    internal const int MaxPurposeLength = 500;

    public async Task InvokeAsync(HttpContext context)
    {
        var call = context.Features.GetRequiredFeature<ExchangeCall>();
        var headers = context.Request.Headers;

        string caseNumber;
        try
        {
            caseNumber = ExchangeMetadata.PercentDecode(headers[ExchangeMetadata.CaseNumber].ToString()).Trim();
        }
        catch (UriFormatException)
        {
            await InvalidAsync(context, ExchangeMetadata.CaseNumber,
                $"Metadata '{ExchangeMetadata.CaseNumber}' is not UTF-8 percent-encoded: encode the case number as the purpose is (ExchangeMetadata.PercentEncode).");
            return;
        }
        if (caseNumber.Length == 0)
        {
            await InvalidAsync(context, ExchangeMetadata.CaseNumber,
                $"The call carries no case number: send metadata '{ExchangeMetadata.CaseNumber}' with the case (办件编号) the data is needed for.");
            return;
        }
        if (CaseNumbers.Problem(caseNumber) is not null)
        {
            await InvalidAsync(context, ExchangeMetadata.CaseNumber,
                $"Metadata '{ExchangeMetadata.CaseNumber}' must be 1 to {CaseNumbers.MaxLength} letters, digits, punctuation marks or spaces (Chinese included, UTF-8 percent-encoded); no control or format characters.");
            return;
        }
        call.CaseNumber = caseNumber;

        var encoded = headers[ExchangeMetadata.Purpose].ToString();
        string purpose;
        try
        {
            purpose = ExchangeMetadata.PercentDecode(encoded).Trim();
        }
        catch (UriFormatException)
        {
            purpose = string.Empty;
        }
        if (purpose.Length == 0)
        {
            await InvalidAsync(context, ExchangeMetadata.Purpose,
                $"The call carries no purpose: send metadata '{ExchangeMetadata.Purpose}' (UTF-8, percent-encoded) saying what the data is for.");
            return;
        }
        if (purpose.Length > MaxPurposeLength)
        {
            await InvalidAsync(context, ExchangeMetadata.Purpose, $"Metadata '{ExchangeMetadata.Purpose}' must be at most {MaxPurposeLength} characters.");
            return;
        }
        call.Purpose = purpose;

        await next(context);
    }

    private static Task InvalidAsync(HttpContext context, string header, string message) =>
        GrpcStatusResponse.WriteAsync(context, StatusCode.InvalidArgument, message, GrpcStatusResponse.BadRequest(header, message));
}
