using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Exchange.ExchangeContext;
using Exchange.ServiceDefaults.Grpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// Checks the exchange context of every department call before any parser sees the request: it buffers the one
/// request message (consuming nothing), checks its frame, and has <see cref="ExchangeContextVerifier"/> check the
/// context against it (MAC, expiry, method, department, request digest, subject, one-time id). Only a call that
/// passes reaches grpc-dotnet, which then parses the same bytes. Health and reflection stay open.
/// </summary>
internal sealed partial class ExchangeContextGate(
    RequestDelegate next,
    ExchangeContextVerifier verifier,
    IOptions<ExchangeContextOptions> options,
    IOptions<GrpcServiceOptions> grpc,
    ILogger<ExchangeContextGate> logger)
{
    private readonly string _department = options.Value.Department;
    private readonly long _maxMessageSize = grpc.Value.MaxReceiveMessageSize ?? 4 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        var path = context.Request.Path.Value ?? string.Empty;
        if (method is null || IsInfrastructure(path))
        {
            await next(context);
            return;
        }
        if (method.Type is not (MethodType.Unary or MethodType.ServerStreaming))
        {
            await RefuseAsync(context, path, StatusCode.Unimplemented, $"{path} streams its requests; an exchange context binds exactly one request message.");
            return;
        }

        var reader = context.Request.BodyReader;
        ReadResult read;
        try
        {
            while (true)
            {
                read = await reader.ReadAsync(context.RequestAborted);
                if (read.IsCompleted || read.IsCanceled || read.Buffer.Length > _maxMessageSize + GrpcFrameHeader.Length)
                    break;
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The caller went away (or its deadline passed) before its message arrived; nobody is left to answer.
            await RefuseAsync(context, path, StatusCode.Cancelled, "The request message stopped arriving before it was complete.");
            return;
        }

        var (status, problem, verified) = Check(context, path, read);
        // Nothing is consumed: grpc-dotnet reads the same bytes again.
        reader.AdvanceTo(read.Buffer.Start);
        if (verified is null)
        {
            await RefuseAsync(context, path, status, problem);
            return;
        }
        context.Features.Set(verified);
        await next(context);
    }

    private (StatusCode, string, VerifiedExchangeContext?) Check(HttpContext context, string path, ReadResult read)
    {
        var body = read.Buffer;
        if (!read.IsCompleted)
            return (StatusCode.ResourceExhausted, $"The request message is larger than the {_maxMessageSize} bytes this provider accepts.", null);
        if (GrpcFrameHeader.Read(body) is not { } header)
            return (StatusCode.InvalidArgument, body.Length == 0 ? "The request has no message; send one request message." : "The request message frame is cut short in its 5-byte header.", null);
        if (header.Problem(context.Request.Headers["grpc-encoding"]) is { } frameProblem)
            return (StatusCode.InvalidArgument, frameProblem, null);
        if (header.Compressed)
            return (StatusCode.InvalidArgument, "The request message is compressed; the exchange context binds the message as sent uncompressed.", null);
        var arrived = body.Length - GrpcFrameHeader.Length;
        if (arrived != header.MessageLength)
        {
            return (StatusCode.InvalidArgument, arrived < header.MessageLength
                ? $"The request message is truncated: its frame declares {header.MessageLength} bytes but {arrived} arrived."
                : $"The request carries {arrived - header.MessageLength} bytes after its one message; a call takes exactly one request message.", null);
        }

        var contextValue = context.Request.Headers[ExchangeMetadata.Context].ToString();
        byte[] contextBytes;
        try
        {
            contextBytes = Convert.FromBase64String(contextValue);
        }
        catch (FormatException)
        {
            return (StatusCode.Unauthenticated, $"The exchange context is refused: {ExchangeMetadata.Context} is not base64; call through the Exchange gateway.", null);
        }

        var verification = verifier.Verify(contextBytes, path, _department, body.Slice(GrpcFrameHeader.Length));
        return verification.IsValid
            ? (StatusCode.OK, string.Empty, new VerifiedExchangeContext(verification.Context!))
            : (verification.Status, verification.Problem, null);
    }

    private Task RefuseAsync(HttpContext context, string path, StatusCode status, string problem)
    {
        LogRefused(path, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", status, problem);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = ExchangeMetadata.PercentEncode(problem);
        return Task.CompletedTask;
    }

    // Probes and tooling, not department data: everything else needs a context (deny by default).
    internal static bool IsInfrastructure(string method) =>
        method.StartsWith("/grpc.health.", StringComparison.Ordinal) || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} from {Peer} with {StatusCode}: {Reason}")]
    private partial void LogRefused(string method, string peer, StatusCode statusCode, string reason);
}

/// <summary>The exchange context <see cref="ExchangeContextGate"/> verified for this request.</summary>
internal sealed record VerifiedExchangeContext(Protos.Context.V1.ExchangeContext Context);
