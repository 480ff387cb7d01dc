using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text.Json;
using Exchange.Client;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Context.V1;
using Exchange.Testing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Yarp.ReverseProxy.Forwarder;

namespace Exchange.Gateway.UnitTests.InProcess;

/// <summary>
/// The real gateway (its Program, every middleware of the call pipeline) in this process, with no catalog, provider,
/// Redis or port: it starts from the on-disk copies a gateway keeps for catalog outages — the published resources,
/// the grants, the catalog's signing keys (a test key this host signs tokens with) and the providers' context keys —
/// while the catalog address it watches refuses connections. YARP forwards to <see cref="FakeProvider"/> in memory.
/// </summary>
public class GatewayHost : WebApplicationFactory<Program>
{
    public const string Authority = "https://127.0.0.1:1/";
    public const string Audience = "exchange-gateway";
    public const string PopulationResource = "PS-POPULATION";
    public const string OpenResource = "MR-OPEN-REGISTER";

    private readonly string _directory;
    private readonly bool _ownsDirectory;
    private readonly RsaSecurityKey _signingKey = NewKey("catalog-test-key");

    public GatewayHost()
        : this(null)
    {
    }

    /// <summary>
    /// A host on the stores and keys in <paramref name="directory"/> (its audit log, audit key, witnessed checkpoints),
    /// left there when the host is disposed: a second host on the same directory is the gateway restarted. Null: a
    /// temporary directory of its own, deleted with the host.
    /// </summary>
    protected GatewayHost(string? directory)
    {
        _ownsDirectory = directory is null;
        _directory = directory ?? Directory.CreateTempSubdirectory("exchange-gateway-inprocess-").FullName;
        Provider = new FakeProvider();
        WriteStartingState();
    }

    /// <summary>The folder of the gateway's stores and keys.</summary>
    public string DataDirectory => _directory;

    /// <summary>The gateway's SQLite audit store, for tests that read what is durable without asking the gateway.</summary>
    public string AuditDatabasePath => Path.Combine(_directory, "audit.db");

    /// <summary>Where the gateway writes its audit key's public half, for a witness to trust.</summary>
    public string TrustedAuditKeysDirectory => Path.Combine(_directory, "audit-trusted");

    /// <summary>The witness of the audit log, set before the host starts; none (the catalog off) when null.</summary>
    public InProcessWitness? Witness { get; init; }

    /// <summary>The provider department behind every published resource; it records what reached it.</summary>
    public FakeProvider Provider { get; }

    /// <summary>Settings on top of the host's; a subclass tightens a limit here.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    /// <summary>A token as the catalog issues it (signed with the key the gateway has on disk), for <paramref name="audience"/>, valid for <paramref name="lifetime"/> (negative: expired that long ago).</summary>
    public string Token(string clientId, string? department, string audience = Audience, TimeSpan? lifetime = null, SecurityKey? signingKey = null, string? role = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = clientId };
        if (department is not null)
            claims["department"] = department;
        if (role is not null)
            claims["role"] = role;
        var validFor = lifetime ?? TimeSpan.FromMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            Claims = claims,
            IssuedAt = validFor < TimeSpan.Zero ? now + validFor - TimeSpan.FromMinutes(1) : now,
            NotBefore = validFor < TimeSpan.Zero ? now + validFor - TimeSpan.FromMinutes(1) : now,
            Expires = now + validFor,
            SigningCredentials = new SigningCredentials(signingKey ?? _signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A key the catalog never published, for forged tokens.</summary>
    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>A channel into the in-memory gateway.</summary>
    public GrpcChannel Channel() => GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    /// <summary>Calls as a department system: a valid token for <paramref name="department"/>, a case number and a purpose.</summary>
    public CallInvoker CallsAs(string department, string caseNumber = "TEST-2026-000001", string purpose = "自动化测试核验") =>
        Channel().Intercept(metadata =>
        {
            foreach (var entry in ExchangeCallCredentials.ForCase(caseNumber, purpose))
                metadata.Add(entry);
            metadata.Add("authorization", "Bearer " + Token(ClientOf(department), department));
            return metadata;
        });

    /// <summary>Headers of a call with <paramref name="authorization"/> (none when null) and case metadata.</summary>
    public static Metadata CaseHeaders(string? authorization)
    {
        var headers = ExchangeCallCredentials.ForCase("TEST-2026-000002", "进程内测试");
        if (authorization is not null)
            headers.Add("authorization", authorization);
        return headers;
    }

    public static string ClientOf(string department) => "exchange-" + department.ToLowerInvariant();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Program pins its content root to the assembly's folder; in this process that is the test's.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IForwarderHttpClientFactory>(new InMemoryForwarderFactory(Provider.Handler));
            services.AddSingleton<IStartupFilter>(new KestrelLikeRequestBody(ForwarderErrors));
            if (Witness is not null)
                services.AddSingleton(Witness.AsWitnesses());
        });
    }

    private Dictionary<string, string> Settings()
    {
        var settings = TestPki.SettingsFor(ExchangeService.Gateway);
        settings["Catalog:Address"] = Authority.TrimEnd('/');
        settings["Catalog:SnapshotPath"] = Path.Combine(_directory, "catalog-snapshot.pb");
        // With a client secret the gateway reads its saved grants and context keys, then tries the (refusing) catalog.
        settings["Catalog:ClientSecret"] = "in-process-test";
        settings["Catalog:GrantSnapshotPath"] = Path.Combine(_directory, "grant-snapshot.pb");
        settings["Identity:Authority"] = Authority;
        settings["Identity:KeysPath"] = Path.Combine(_directory, "identity-keys.json");
        settings["ExchangeContext:KeySnapshotPath"] = Path.Combine(_directory, "context-keys.pb");
        settings["ConnectionStrings:Audit"] = $"Data Source={Path.Combine(_directory, "audit.db")}";
        settings["Audit:SigningKeyPath"] = Path.Combine(_directory, "audit.pem");
        settings["Audit:TrustedLogKeysDirectory"] = TrustedAuditKeysDirectory;
        settings["Audit:WitnessKeyPath"] = Path.Combine(_directory, "witness.pem");
        settings["Audit:WitnessDirectory"] = Path.Combine(_directory, "witnessed");
        settings["Audit:WitnessCatalog"] = "false";
        settings["Licences:IssuerKeySnapshotPath"] = Path.Combine(_directory, "issuer-keys.pb");
        foreach (var (key, value) in ExtraSettings)
            settings[key] = value;
        return settings;
    }

    /// <summary>The published resources the gateway starts with; a subclass publishes others (called from the constructor: no instance state).</summary>
    protected virtual IEnumerable<Resource> Resources() =>
    [
        Resource(PopulationResource, "PUBLIC-SECURITY", ShareType.Conditional, "exchange.publicsecurity.v1.PopulationService", "VerifyIdentity", "GetResident"),
        Resource(OpenResource, "MARKET-REGULATION", ShareType.Unconditional, "exchange.marketregulation.v1.EnterpriseService", "GetEnterprise"),
    ];

    /// <summary>The approved grants the gateway starts with (called from the constructor: no instance state).</summary>
    protected virtual IEnumerable<Grant> Grants() => [ApprovedGrant("APP-TEST-1", "CIVIL-AFFAIRS", PopulationResource, "name", "citizen_id")];

    /// <summary>A grant as the catalog publishes it once the provider approved the application: valid from yesterday for 30 days.</summary>
    protected static Grant ApprovedGrant(string applicationId, string consumer, string resource, params string[] items) => new()
    {
        ApplicationId = applicationId,
        ConsumerDepartmentCode = consumer,
        ResourceCode = resource,
        DataItems = { items },
        ValidFrom = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        ValidUntil = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
    };

    private void WriteStartingState()
    {
        var catalog = new ResourceSnapshot { Revision = 1 };
        catalog.Resources.Add(Resources());
        File.WriteAllBytes(Path.Combine(_directory, "catalog-snapshot.pb"), catalog.ToByteArray());

        var grants = new GrantSnapshot { Revision = 1 };
        grants.Grants.Add(Grants());
        File.WriteAllBytes(Path.Combine(_directory, "grant-snapshot.pb"), grants.ToByteArray());

        var contextKeys = new ListContextKeysResponse();
        foreach (var department in catalog.Resources.Select(r => r.ProviderDepartmentCode).Distinct())
            contextKeys.Keys.Add(new ContextKey { DepartmentCode = department, KeyId = department + "-1", Key = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(32)), Current = true });
        File.WriteAllBytes(Path.Combine(_directory, "context-keys.pb"), contextKeys.ToByteArray());

        // What the gateway saved of the catalog's discovery document and keys (Identity:KeysPath), by address.
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_signingKey);
        var jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        var discovery = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["jwks_uri"] = Authority + ".well-known/jwks",
            ["token_endpoint"] = Authority + "connect/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
        File.WriteAllText(Path.Combine(_directory, "identity-keys.json"), JsonSerializer.Serialize(new Dictionary<string, string>
        {
            [Authority + ".well-known/openid-configuration"] = discovery,
            [Authority + ".well-known/jwks"] = jwks,
        }));
    }

    protected static Resource Resource(string code, string provider, ShareType shareType, string service, params string[] methods)
    {
        var resource = new Resource
        {
            Code = code,
            Name = code,
            ProviderDepartmentCode = provider,
            ShareType = shareType,
            GrpcService = service,
            Endpoint = "https://" + provider.ToLowerInvariant() + ".test",
            State = ResourceState.Published,
            Version = 1,
        };
        resource.GrpcMethods.Add(methods);
        resource.DataItems.Add(new DataItem { Name = "name" });
        resource.DataItems.Add(new DataItem { Name = "citizen_id" });
        return resource;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
        if (!_ownsDirectory)
        {
            GC.SuppressFinalize(this);
            return;
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Why YARP failed to forward a call, for failure messages.</summary>
    public ConcurrentQueue<string> ForwarderErrors { get; } = new();

    /// <summary>
    /// Makes the request body one pipe, as Kestrel's is: the gateway peeks at the request message through
    /// <c>Request.BodyReader</c> and YARP then forwards <c>Request.Body</c>. TestServer's reader is a separate buffer over
    /// the body stream, so what was peeked would be missing from the forwarded body. Also keeps YARP's errors.
    /// </summary>
    private sealed class KestrelLikeRequestBody(ConcurrentQueue<string> errors) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate call) =>
            {
                var reader = PipeReader.Create(context.Request.Body);
                context.Features.Set<IRequestBodyPipeFeature>(new OnePipe(reader));
                context.Request.Body = reader.AsStream();
                await call(context);
                if (context.Features.Get<IForwarderErrorFeature>() is { } error)
                    errors.Enqueue($"{error.Error}: {error.Exception}");
            });
            next(app);
        };
    }

    private sealed class OnePipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    /// <summary>YARP's outgoing connections, replaced by the in-memory provider whatever the destination address.</summary>
    private sealed class InMemoryForwarderFactory(Func<HttpMessageHandler> handler) : IForwarderHttpClientFactory
    {
        public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) => new(handler(), disposeHandler: false);
    }
}
