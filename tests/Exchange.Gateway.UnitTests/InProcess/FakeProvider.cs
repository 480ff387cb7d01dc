using System.Collections.Concurrent;
using Exchange.Protos.PublicSecurity.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Exchange.Gateway.UnitTests.InProcess;

/// <summary>
/// A provider department in memory (a TestServer): answers PopulationService calls and keeps the headers of every
/// call that reached it, so a test can tell a refused call from one the gateway let through.
/// </summary>
public sealed class FakeProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    public FakeProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(this);
        _app = builder.Build();
        _app.MapGrpcService<Population>();
        _app.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>Headers of each call that reached the provider, in arrival order.</summary>
    public ConcurrentQueue<Metadata> Received { get; } = new();

    /// <summary>When set, the provider sends this as its own x-exchange-objections header and trailer, as a provider forging or hiding the flag would.</summary>
    public string? ForgedObjectionFlag { get; set; }

    public HttpMessageHandler Handler() => _app.GetTestServer().CreateHandler();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class Population(FakeProvider provider) : PopulationService.PopulationServiceBase
    {
        public override async Task<VerifyIdentityResponse> VerifyIdentity(VerifyIdentityRequest request, ServerCallContext context)
        {
            provider.Received.Enqueue(context.RequestHeaders);
            if (provider.ForgedObjectionFlag is { } forged)
            {
                await context.WriteResponseHeadersAsync(new Metadata { { "x-exchange-objections", forged } });
                context.ResponseTrailers.Add("x-exchange-objections", forged);
            }
            return new VerifyIdentityResponse { Match = true };
        }
    }
}
