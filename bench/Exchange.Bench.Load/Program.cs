using System.Globalization;
using System.Net;
using Exchange.Bench.Load;

const string Usage = """
    exchange-bench-load: load generator of bench/run.sh (loopback targets only).

      run     --target URL --auth context|token [--method resident|enterprise] [--concurrency N]
              [--warmup SECONDS] [--duration SECONDS] [--pid PID[,PID...]] [--label NAME]
              [--cpu NAME=PID[+PID...],...] [--client-certificate NAME]
              Closed-loop load over one GrpcChannel (TLS); prints a RESULT line (key=value) on stdout, with
              cpu_us_NAME=µs of CPU per call of each --cpu process over the measured window.
              --client-certificate NAME: present DATA/pki/NAME.crt (exchange-gateway, to call an adapter directly)
              --auth context: sign an exchange context with the gateway's key (adapter directly, or a plain proxy to it)
              --auth token:   a department client's token and case metadata (through the Exchange gateway)
      revocations --target URL --observer URL [--count N] [--client C]
              N revocations through one gateway instance (as client C, which must be the issuer: civil-affairs for
              marriage certificates), each checked at once at another instance that had the licence cached as valid;
              prints a RESULT line with the revocation latency and how long after it the observer saw it.
      fill    --catalog URL --count N            publish N resources no one calls (as catalog-admin), for routing with a large catalog
      licence --target URL                   a valid marriage certificate's number and its holder id, for run --method verify:/holder:
      body    [--method M] --out FILE        the request as a gRPC length-prefixed message, for h2load -d
      token   [--client C]                   an access token of client C (default civil-affairs), for h2load -H
      context [--method M] [--lifetime S]    a signed exchange context, base64 (x-exchange-context-bin), for h2load -H

    Common: --data DIR (default .data: catalog/context-keys/, credentials/<client>.secret, pki/ca.crt),
            --ca FILE (the exchange CA servers must chain to; default DATA/pki/ca.crt),
            --token-endpoint URL (default $EXCHANGE_TOKEN_ENDPOINT, else https://127.0.0.1:7002/connect/token), --client C (default civil-affairs)
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 1 : 0;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"error: expected --name value, got '{args[i]}'\n\n{Usage}");
        return 1;
    }
    options[args[i][2..]] = args[++i];
}

string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
double Seconds(string name, double fallback) => double.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

try
{
    var call = BenchCall.ByName(Option("method", "resident"));
    var data = Option("data", ".data");
    var client = Option("client", "civil-affairs");
    var tokenEndpoint = Loopback(Option("token-endpoint", Environment.GetEnvironmentVariable("EXCHANGE_TOKEN_ENDPOINT") ?? "https://127.0.0.1:7002/connect/token"));
    var tls = args[0] is "body" or "context"
        ? null
        : BenchTls.From(Option("ca", Path.Combine(data, "pki", "ca.crt")), options.GetValueOrDefault("client-certificate"));
    using var http = tls?.HttpClient() ?? new HttpClient();

    switch (args[0])
    {
        case "body":
            File.WriteAllBytes(options.TryGetValue("out", out var path) ? path : throw new ArgumentException("--out is required"), call.FramedRequest());
            return 0;

        case "token":
            Console.WriteLine(await TokenAuth.Provider(http, tokenEndpoint, client, data).GetTokenAsync());
            return 0;

        case "context":
            // Good for one call only (one-time id): for a single request by hand, not for a load run.
            Console.WriteLine(Convert.ToBase64String(new SealedContextAuth(Path.Combine(data, "catalog", "context-keys"), call).Seal(TimeSpan.FromSeconds(Seconds("lifetime", 60)))));
            return 0;

        case "run":
            var target = Loopback(options.TryGetValue("target", out var t) ? t : throw new ArgumentException("--target is required"));
            var concurrency = int.Parse(Option("concurrency", "1"), CultureInfo.InvariantCulture);
            var warmUp = TimeSpan.FromSeconds(Seconds("warmup", 2));
            var duration = TimeSpan.FromSeconds(Seconds("duration", 10));
            if (concurrency is < 1 or > 1024 || warmUp < TimeSpan.Zero || duration <= TimeSpan.Zero || warmUp + duration > TimeSpan.FromMinutes(10))
                throw new ArgumentException("need 1 <= concurrency <= 1024, warm-up >= 0, duration > 0, and at most 10 minutes in all");
            int[] pids = options.TryGetValue("pid", out var p) ? [.. p.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture))] : [];
            CallAuth auth = Option("auth", "context") switch
            {
                "context" => new SealedContextAuth(Path.Combine(data, "catalog", "context-keys"), call),
                "token" => new TokenAuth(TokenAuth.Provider(http, tokenEndpoint, client, data)),
                var other => throw new ArgumentException($"unknown --auth '{other}' (context, token)"),
            };
            try
            {
                return await LoadRun.RunAsync(new LoadSettings(target, call, auth, concurrency, warmUp, duration, pids, Option("label", args[0]), tls!, CpuMeter.Parse(options.GetValueOrDefault("cpu"))));
            }
            finally
            {
                (auth as IDisposable)?.Dispose();
            }

        case "fill":
            var catalogAddress = Loopback(Option("catalog", "https://127.0.0.1:7001"));
            var fillCount = int.Parse(Option("count", "10000"), CultureInfo.InvariantCulture);
            if (fillCount is < 1 or > 100_000)
                throw new ArgumentException("need 1 <= count <= 100000");
            return await CatalogFiller.RunAsync(catalogAddress, tls!, new TokenAuth(TokenAuth.Provider(http, tokenEndpoint, "catalog-admin", data, Exchange.Client.ExchangeScopes.Catalog)), fillCount);

        case "licence":
            var gateway = Loopback(options.TryGetValue("target", out var g) ? g : throw new ArgumentException("--target is required"));
            return await RevocationBench.FindAsync(gateway, tls!, new TokenAuth(TokenAuth.Provider(http, tokenEndpoint, client, data)));

        case "revocations":
            var revokeVia = Loopback(options.TryGetValue("target", out var via) ? via : throw new ArgumentException("--target is required"));
            var observer = Loopback(options.TryGetValue("observer", out var o) ? o : throw new ArgumentException("--observer is required"));
            var count = int.Parse(Option("count", "100"), CultureInfo.InvariantCulture);
            if (count is < 1 or > 1000)
                throw new ArgumentException("need 1 <= count <= 1000");
            return await RevocationBench.RunAsync(revokeVia, observer, tls!, new TokenAuth(TokenAuth.Provider(http, tokenEndpoint, client, data)), count);

        default:
            Console.Error.WriteLine($"error: unknown command '{args[0]}'\n\n{Usage}");
            return 1;
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or FileNotFoundException or Exchange.Client.ExchangeTokenException or HttpRequestException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}

// Benchmarks generate load: only ever against this machine.
static Uri Loopback(string address)
{
    if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        throw new ArgumentException($"'{address}' is not an absolute https:// address (every hop is TLS)");
    if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) || !IPAddress.IsLoopback(ip))
        throw new ArgumentException($"'{address}' is not a loopback address (use 127.0.0.1)");
    return uri;
}
