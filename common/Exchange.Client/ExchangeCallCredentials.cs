using Exchange.ExchangeContext;
using Grpc.Core;

namespace Exchange.Client;

/// <summary>gRPC call credentials and metadata for calls through the Exchange gateway.</summary>
public static class ExchangeCallCredentials
{
    /// <summary>Adds <c>authorization: Bearer ...</c> from the provider to every call on a channel.</summary>
    public static CallCredentials FromTokenProvider(ExchangeTokenProvider tokens) =>
        CallCredentials.FromInterceptor(async (context, metadata) =>
            metadata.Add("authorization", "Bearer " + await tokens.GetTokenAsync(context.CancellationToken)));

    /// <summary>The case and purpose metadata every data request through the gateway must carry.</summary>
    public static Metadata ForCase(string caseNumber, string purpose) => new()
    {
        { ExchangeMetadata.CaseNumber, ExchangeMetadata.PercentEncode(caseNumber) },
        { ExchangeMetadata.Purpose, ExchangeMetadata.PercentEncode(purpose) },
    };
}
