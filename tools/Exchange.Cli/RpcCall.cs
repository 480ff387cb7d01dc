using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Exchange.Client;
using Exchange.ExchangeContext;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Exchange.Cli;

/// <summary>Runs one gRPC call for a command: opens the channel, prints the reply as JSON, turns a gRPC error into a readable line and exit code 1.</summary>
internal static class RpcCall
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    /// <summary>For minimised data: only what was returned, so a withheld item never reads as "" or GENDER_UNSPECIFIED.</summary>
    private static readonly JsonFormatter ReturnedOnly = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A data request through the gateway, as a department (token, case number and purpose).</summary>
    /// <param name="exitCode">Decides the exit code from a reply (for example a verification that failed); 0 when not given.</param>
    /// <param name="minimised">The reply holds only granted data items: print what was returned and name what was not.</param>
    public static Task<int> ViaGatewayAsync<TReply>(
        ParseResult parse, Func<CallInvoker, CallOptions, Task<TReply>> call, CancellationToken cancellationToken, Func<TReply, int>? exitCode = null,
        bool minimised = false, Action<TReply>? print = null)
        where TReply : IMessage
    {
        var headers = ExchangeCallCredentials.ForCase(parse.GetValue(GlobalOptions.Case)!, parse.GetValue(GlobalOptions.Purpose)!);
        if (parse.GetValue(GlobalOptions.ServiceItem) is { Length: > 0 } serviceItem)
            headers.Add(ExchangeMetadata.ServiceItem, serviceItem);
        var tokens = CliIdentity.TokensFor(parse, CliIdentity.DefaultDepartmentClient, ExchangeScopes.Gateway);
        return RunAsync(parse, parse.GetValue(GlobalOptions.Gateway)!, tokens, headers, call, cancellationToken, exitCode, minimised, print);
    }

    /// <summary>A catalog call; with <paramref name="defaultClient"/> it carries a token (writes), without it none (reads).</summary>
    public static Task<int> ViaCatalogAsync<TReply>(ParseResult parse, Func<CallInvoker, CallOptions, Task<TReply>> call, CancellationToken cancellationToken, string? defaultClient = null)
        where TReply : IMessage
    {
        var tokens = defaultClient is null ? null : CliIdentity.TokensFor(parse, defaultClient, ExchangeScopes.Catalog);
        return RunAsync(parse, parse.GetValue(GlobalOptions.Catalog)!, tokens, [], call, cancellationToken);
    }

    public static void Print(IMessage message)
    {
        using var json = JsonDocument.Parse(Formatter.Format(message));
        Console.WriteLine(JsonSerializer.Serialize(json.RootElement, Pretty));
    }

    /// <summary>
    /// The returned fields as JSON on standard output, and on standard error the fields that carry nothing, so a
    /// reader (or a script reading stdout) never takes a withheld item for an empty one.
    /// </summary>
    public static void PrintReturned(IMessage message)
    {
        using var json = JsonDocument.Parse(ReturnedOnly.Format(message));
        Console.WriteLine(JsonSerializer.Serialize(json.RootElement, Pretty));
        if (WithheldFields.Of(message) is { Count: > 0 } withheld)
            Console.Error.WriteLine($"not returned (withheld: not in this department's grant or --fields, or empty at the source): {string.Join(", ", withheld)}");
    }

    private static async Task<int> RunAsync<TReply>(
        ParseResult parse, Uri address, ExchangeTokenProvider? tokens, Metadata headers, Func<CallInvoker, CallOptions, Task<TReply>> call, CancellationToken cancellationToken,
        Func<TReply, int>? exitCode = null, bool minimised = false, Action<TReply>? print = null)
        where TReply : IMessage
    {
        var options = new GrpcChannelOptions { HttpHandler = GlobalOptions.CreateHandler(parse), DisposeHttpClient = true };
        var secure = address.Scheme == Uri.UriSchemeHttps;
        if (tokens is not null)
        {
            var credentials = ExchangeCallCredentials.FromTokenProvider(tokens);
            options.Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, credentials);
            // A plaintext address is a development set-up (Tls:AllowPlaintext); tokens then cross loopback in the clear.
            options.UnsafeUseInsecureChannelCallCredentials = !secure;
        }
        using var channel = GrpcChannel.ForAddress(address, options);
        try
        {
            var reply = await call(channel.Intercept(new ObjectionNotice()), new CallOptions(headers, GlobalOptions.DeadlineFromNow(parse), cancellationToken));
            if (print is not null)
                print(reply);
            else if (minimised)
                PrintReturned(reply);
            else
                Print(reply);
            return exitCode?.Invoke(reply) ?? 0;
        }
        catch (RpcException ex) when (TlsFailure(ex.Status.DebugException) is { } tls)
        {
            Console.Error.WriteLine($"error: TLS: {tls.Message} Is --ca (env EXCHANGE_CA) the CA of Exchange's certificates, and {address} an https address of Exchange?");
            return 1;
        }
        catch (RpcException ex)
        {
            Console.Error.WriteLine($"error: {StatusName(ex.StatusCode)}: {ex.Status.Detail}");
            if (ex.StatusCode == StatusCode.Unavailable)
                Console.Error.WriteLine($"Is Exchange running at {address}? Start it with: dotnet run --project apphost/Exchange.AppHost");
            return 1;
        }
        catch (Exception ex) when (TlsFailure(ex) is { } tls)
        {
            Console.Error.WriteLine($"error: TLS: {tls.Message} Is --ca (env EXCHANGE_CA) the CA of Exchange's certificates?");
            return 1;
        }
        catch (ExchangeTokenException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The certificate failure somewhere in <paramref name="exception"/>'s causes (a token request or the call itself), if any.</summary>
    private static System.Security.Authentication.AuthenticationException? TlsFailure(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Security.Authentication.AuthenticationException tls)
                return tls;
        }
        return null;
    }

    private static string StatusName(StatusCode code) =>
        JsonNamingPolicy.SnakeCaseUpper.ConvertName(code.ToString());
}
