using System.Diagnostics;
using System.Globalization;
using Exchange.Protos.Licence.V1;
using Exchange.SyntheticData;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Bench.Load;

/// <summary>
/// How soon a second gateway instance sees a revocation made through the first: for each of N valid marriage
/// certificates, the observer caches it as valid, the issuing department revokes it through the other instance,
/// and the observer is asked again at once (and then every millisecond until it answers "revoked").
/// </summary>
internal static class RevocationBench
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);

    /// <summary>Prints one valid marriage certificate's number and its holder, for lookups to benchmark.</summary>
    public static async Task<int> FindAsync(Uri gateway, BenchTls tls, CallAuth auth)
    {
        using var channel = GrpcChannel.ForAddress(gateway, new GrpcChannelOptions { HttpHandler = tls.Handler() });
        var client = new LicenceService.LicenceServiceClient(channel);
        var number = (await ValidMarriageCertificatesAsync(client, auth, 1)).Single();
        var licence = await client.GetAsync(new GetRequest { LicenceNumber = number }, await auth.HeadersAsync(default), DateTime.UtcNow + Deadline);
        Console.WriteLine($"{number} {licence.Licence.HolderId}");
        return 0;
    }

    public static async Task<int> RunAsync(Uri revokeVia, Uri observer, BenchTls tls, CallAuth auth, int count)
    {
        using var revokeChannel = GrpcChannel.ForAddress(revokeVia, new GrpcChannelOptions { HttpHandler = tls.Handler() });
        using var observerChannel = GrpcChannel.ForAddress(observer, new GrpcChannelOptions { HttpHandler = tls.Handler() });
        var revoking = new LicenceService.LicenceServiceClient(revokeChannel);
        var observing = new LicenceService.LicenceServiceClient(observerChannel);

        var numbers = await ValidMarriageCertificatesAsync(revoking, auth, count);
        if (numbers.Count < count)
        {
            Console.Error.WriteLine($"error: found only {numbers.Count} valid marriage certificates, {count} wanted");
            return 3;
        }

        var revokeMs = new List<double>(count);
        var seenMs = new List<double>(count);
        var firstAskRevoked = 0;
        for (var i = 0; i < numbers.Count; i++)
        {
            var number = numbers[i];
            // Until the observer answers from its cache, which the revocation must then reach.
            var sources = new List<string>();
            while (sources.LastOrDefault() != "hit")
            {
                var cached = await VerifyAsync(observing, auth, number);
                if (!cached.Response.Verification.Valid)
                    throw new InvalidOperationException($"{number} should be valid before it is revoked: {cached.Response.Verification.Reason}");
                sources.Add(cached.Cache);
                if (sources.Count == 10)
                    throw new InvalidOperationException($"the observer never answered {number} from its cache: {string.Join(", ", sources)}");
            }

            var started = Stopwatch.GetTimestamp();
            await revoking.RevokeAsync(new RevokeRequest { LicenceNumber = number, Reason = "性能基准：撤销传播" }, await auth.HeadersAsync(default), DateTime.UtcNow + Deadline);
            var revoked = Stopwatch.GetTimestamp();
            var asks = 0;
            while (true)
            {
                asks++;
                var seen = await VerifyAsync(observing, auth, number);
                if (seen.Response.Verification.Outcome == VerificationOutcome.Revoked)
                    break;
                if (Stopwatch.GetElapsedTime(revoked) > GiveUp)
                    throw new TimeoutException($"the observer still verified {number} as {seen.Response.Verification.Outcome} {GiveUp.TotalSeconds} s after the revocation returned");
                await Task.Delay(1);
            }
            if (asks == 1)
                firstAskRevoked++;
            revokeMs.Add(Stopwatch.GetElapsedTime(started, revoked).TotalMilliseconds);
            seenMs.Add(Stopwatch.GetElapsedTime(revoked).TotalMilliseconds);
            if ((i + 1) % 20 == 0)
                Console.Error.WriteLine($"[revocations] {i + 1}/{numbers.Count} done");
        }

        revokeMs.Sort();
        seenMs.Sort();
        var fields = new Dictionary<string, string>
        {
            ["revocations"] = count.ToString(CultureInfo.InvariantCulture),
            ["seen_at_first_ask"] = firstAskRevoked.ToString(CultureInfo.InvariantCulture),
            ["revoke_p50_ms"] = Format(Median(revokeMs)),
            ["revoke_max_ms"] = Format(revokeMs[^1]),
            ["seen_after_p50_ms"] = Format(Median(seenMs)),
            ["seen_after_max_ms"] = Format(seenMs[^1]),
        };
        Console.WriteLine("RESULT " + string.Join(' ', fields.Select(f => $"{f.Key}={f.Value}")));
        return 0;
    }

    /// <summary>Valid marriage certificates of the seeded couples, found through the gateway.</summary>
    private static async Task<List<string>> ValidMarriageCertificatesAsync(LicenceService.LicenceServiceClient gateway, CallAuth auth, int count)
    {
        var found = new List<string>(count);
        var timer = Stopwatch.StartNew();
        foreach (var marriage in SyntheticPopulation.Generate().MarriageRegistrations.Where(m => m.Kind == MarriageRegistrationKind.Marriage))
        {
            // A first lookup warms three issuers' connections and the gateway's key snapshot: give it time.
            var response = await gateway.ListByHolderAsync(new ListByHolderRequest { HolderId = marriage.HusbandCitizenId }, await auth.HeadersAsync(default), DateTime.UtcNow + GiveUp);
            Console.Error.WriteLine($"[licences] ListByHolder {marriage.HusbandCitizenId}: {response.Licences.Count} licences after {timer.ElapsedMilliseconds} ms");
            found.AddRange(response.Licences.Where(l => l.TypeCode == "MARC" && !found.Contains(l.LicenceNumber)).Select(l => l.LicenceNumber));
            if (found.Count >= count)
                return found[..count];
        }
        return found;
    }

    private static async Task<(VerifyResponse Response, string Cache)> VerifyAsync(LicenceService.LicenceServiceClient gateway, CallAuth auth, string number)
    {
        using var call = gateway.VerifyAsync(new VerifyRequest { LicenceNumber = number }, await auth.HeadersAsync(default), DateTime.UtcNow + Deadline);
        var response = await call.ResponseAsync;
        var cache = (await call.ResponseHeadersAsync).GetValue("x-exchange-cache") ?? string.Empty;
        return (response, cache);
    }

    private static double Median(List<double> sorted) => sorted.Count % 2 == 1
        ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static string Format(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
