using Exchange.ExchangeContext;
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Exchange.ServiceDefaults.Grpc;

/// <summary>
/// Reads the request message of every unary and server-streaming call before grpc-dotnet does, and answers one it
/// cannot read (a truncated frame, bytes that are not the method's request message, trailing data) with
/// INVALID_ARGUMENT saying what is wrong. grpc-dotnet would answer UNKNOWN "Exception was thrown by handler.",
/// which reads like a server fault; a compressed flag other than 0 or 1 (or 1 without a grpc-encoding) is refused the
/// same way. Oversized and compressed messages are left to grpc-dotnet's own limits.
/// </summary>
internal sealed class RequestMessageValidation(RequestDelegate next, IOptions<GrpcServiceOptions> options)
{
    private const int FrameHeaderLength = GrpcFrameHeader.Length;

    private static readonly ConcurrentDictionary<IMethod, Func<ReadOnlySequence<byte>, Exception?>> Parsers = new();
    private static readonly MethodInfo TryParseDefinition =
        typeof(RequestMessageValidation).GetMethod(nameof(TryParse), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly long _maxMessageSize = options.Value.MaxReceiveMessageSize ?? 4 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null || method.Type is not (MethodType.Unary or MethodType.ServerStreaming))
        {
            await next(context);
            return;
        }

        var reader = context.Request.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(context.RequestAborted);
            if (read.IsCompleted || read.IsCanceled || read.Buffer.Length > _maxMessageSize + FrameHeaderLength)
                break;
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        var problem = read.IsCompleted || read.Buffer.Length >= FrameHeaderLength
            ? GrpcFrameHeader.Read(read.Buffer)?.Problem(context.Request.Headers["grpc-encoding"]) ?? (read.IsCompleted ? Problem(method, read.Buffer) : null)
            : null;
        // Nothing is consumed: grpc-dotnet reads the same bytes again.
        reader.AdvanceTo(read.Buffer.Start);
        if (problem is null)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = ExchangeMetadata.PercentEncode(problem);
    }

    private string? Problem(IMethod method, ReadOnlySequence<byte> body)
    {
        if (body.Length < FrameHeaderLength)
            return body.Length == 0 ? "The request has no message; send one request message." : "The request message frame is cut short in its 5-byte header.";
        var header = GrpcFrameHeader.Read(body)!.Value;
        var declared = header.MessageLength;
        if (header.Compressed || declared > _maxMessageSize)
            return null;
        var arrived = body.Length - FrameHeaderLength;
        if (arrived < declared)
            return $"The request message is truncated: its frame declares {declared} bytes but {arrived} arrived.";
        if (arrived > declared)
            return $"The request carries {arrived - declared} bytes after its one message; a {method.Type} call takes exactly one request message.";

        var parse = Parsers.GetOrAdd(method, m => TryParseDefinition
            .MakeGenericMethod(m.GetType().GetGenericArguments())
            .CreateDelegate<Func<ReadOnlySequence<byte>, Exception?>>(m));
        return parse(body.Slice(FrameHeaderLength)) is { } error
            ? $"The request is not a valid {method.FullName} request message: {error.Message}"
            : null;
    }

    private static Exception? TryParse<TRequest, TResponse>(Method<TRequest, TResponse> method, ReadOnlySequence<byte> message)
        where TRequest : class
        where TResponse : class
    {
        try
        {
            method.RequestMarshaller.ContextualDeserializer(new Payload(message));
            return null;
        }
        catch (Exception ex)
        {
            // Whatever the deserializer throws, grpc-dotnet would turn into UNKNOWN; the caller gets the reason instead.
            return ex;
        }
    }

    private sealed class Payload(ReadOnlySequence<byte> message) : DeserializationContext
    {
        public override int PayloadLength => (int)message.Length;

        public override byte[] PayloadAsNewBuffer() => message.ToArray();

        public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => message;
    }
}
