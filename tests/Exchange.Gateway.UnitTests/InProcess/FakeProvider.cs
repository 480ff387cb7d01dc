using System.Collections.Concurrent;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Exchange.Gateway.UnitTests.InProcess;

/// <summary>
/// The provider departments in memory (a TestServer): answers the three departments' services (population, enterprise,
/// civil affairs) with empty records and keeps the headers of every call that reached it, so a test can tell a refused
/// call from one the gateway let through.
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
        _app.MapGrpcService<Enterprises>();
        _app.MapGrpcService<CivilAffairs>();
        _app.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>Headers of each call that reached the provider, in arrival order.</summary>
    public ConcurrentQueue<Metadata> Received { get; } = new();

    /// <summary>The address (host) and method of each call that reached the provider, in arrival order: which provider endpoint the gateway chose.</summary>
    public ConcurrentQueue<(string Host, string Method)> Reached { get; } = new();

    /// <summary>When set, the provider sends this as its own x-exchange-objections header and trailer, as a provider forging or hiding the flag would.</summary>
    public string? ForgedObjectionFlag { get; set; }

    public HttpMessageHandler Handler() => _app.GetTestServer().CreateHandler();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class Population(FakeProvider provider) : PopulationService.PopulationServiceBase
    {
        public override async Task<VerifyIdentityResponse> VerifyIdentity(VerifyIdentityRequest request, ServerCallContext context)
        {
            provider.Record(context);
            if (provider.ForgedObjectionFlag is { } forged)
            {
                await context.WriteResponseHeadersAsync(new Metadata { { "x-exchange-objections", forged } });
                context.ResponseTrailers.Add("x-exchange-objections", forged);
            }
            return new VerifyIdentityResponse { Match = true };
        }

        public override Task<GetResidentResponse> GetResident(GetResidentRequest request, ServerCallContext context) =>
            provider.Answer(context, new GetResidentResponse { Resident = new Resident { CitizenId = request.CitizenId } });
    }

    private sealed class Enterprises(FakeProvider provider) : EnterpriseService.EnterpriseServiceBase
    {
        public override Task<GetEnterpriseResponse> GetEnterprise(GetEnterpriseRequest request, ServerCallContext context) =>
            provider.Answer(context, new GetEnterpriseResponse());

        public override Task<VerifyEnterpriseResponse> VerifyEnterprise(VerifyEnterpriseRequest request, ServerCallContext context) =>
            provider.Answer(context, new VerifyEnterpriseResponse());

        public override Task<GetCreditStatusResponse> GetCreditStatus(GetCreditStatusRequest request, ServerCallContext context) =>
            provider.Answer(context, new GetCreditStatusResponse());
    }

    private sealed class CivilAffairs(FakeProvider provider) : CivilAffairsService.CivilAffairsServiceBase
    {
        public override Task<GetMarriageRecordsResponse> GetMarriageRecords(GetMarriageRecordsRequest request, ServerCallContext context) =>
            provider.Answer(context, new GetMarriageRecordsResponse());

        public override Task<GetSocialOrganizationResponse> GetSocialOrganization(GetSocialOrganizationRequest request, ServerCallContext context) =>
            provider.Answer(context, new GetSocialOrganizationResponse());
    }

    private Task<T> Answer<T>(ServerCallContext context, T response)
    {
        Record(context);
        return Task.FromResult(response);
    }

    private void Record(ServerCallContext context)
    {
        Received.Enqueue(context.RequestHeaders);
        Reached.Enqueue((context.Host, context.Method));
    }
}
