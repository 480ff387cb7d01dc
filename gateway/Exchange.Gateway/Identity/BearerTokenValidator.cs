using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Gateway.Identity;

/// <summary>
/// Validates bearer tokens from the catalog: its issuer, an accepted audience, the lifetime and the signature
/// by a key the catalog publishes. Discovery and signing keys come through a configuration manager that
/// re-reads them periodically and when a token names an unknown key, so key rollover needs no restart.
/// Validated tokens are remembered until they expire, so a client's steady stream of calls pays for the
/// signature check once.
/// </summary>
internal sealed partial class BearerTokenValidator
{
    private const int MaxRemembered = 10_000;
    private const string BearerPrefix = "Bearer ";

    private readonly IdentityOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration;
    private readonly TokenValidationParameters _parameters;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, RememberedToken> _remembered = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger<BearerTokenValidator> _logger;
    private readonly string _metadataAddress;
    private readonly IDocumentRetriever _documents;
    private DateTimeOffset _lastKeyRefresh = DateTimeOffset.MinValue;
    private volatile NewerKeys? _newerKeys;

    public BearerTokenValidator(IOptions<IdentityOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<BearerTokenValidator> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metadataAddress = new Uri(_options.Authority, ".well-known/openid-configuration").ToString();
        _documents = new PersistedDocumentRetriever(
            new HttpDocumentRetriever(httpClients.CreateClient(nameof(BearerTokenValidator))) { RequireHttps = false },
            _options.KeysPath, logger);
        _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(_metadataAddress, new OpenIdConnectConfigurationRetriever(), _documents)
        {
            AutomaticRefreshInterval = _options.KeysRefreshInterval,
            RefreshInterval = _options.UnknownKeyRefreshInterval,
        };
        var audiences = new List<string> { _options.Audience };
        audiences.AddRange(_options.AuditAudiences);
        _parameters = new TokenValidationParameters
        {
            ConfigurationManager = _configuration,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudiences = audiences,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = _options.ClockSkew,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
        };
    }

    /// <summary>Checks the value of an <c>authorization</c> header.</summary>
    public async ValueTask<TokenCheck> ValidateAsync(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return TokenCheck.Unauthenticated(
                $"The call carries no bearer token. Get one from the catalog's token endpoint {_options.TokenEndpoint} "
                + "(client credentials, scope exchange.gateway) and send it as 'authorization: Bearer <token>'.");
        }
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || authorization.Length == BearerPrefix.Length)
            return TokenCheck.Unauthenticated("The authorization header is not a bearer token; send 'authorization: Bearer <token>'.");
        var token = authorization[BearerPrefix.Length..].Trim();

        var now = _time.GetUtcNow();
        if (_remembered.TryGetValue(token, out var remembered))
        {
            if (now < remembered.ValidUntil)
                return TokenCheck.Valid(remembered.Caller);
            _remembered.TryRemove(token, out _);
        }

        OpenIdConnectConfiguration published;
        try
        {
            // Fails only while no discovery document has ever been read: then no token can be checked at all.
            published = await _configuration.GetConfigurationAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
        {
            LogKeysUnreachable(_options.Authority, ex.Message);
            return TokenCheck.Unavailable(
                $"The gateway cannot check tokens yet: the catalog's signing keys at {_options.Authority} are unreachable. Try again shortly.");
        }

        var parameters = _parameters;
        if (_newerKeys is { } newer)
        {
            if (ReferenceEquals(newer.Superseded, published))
                parameters = newer.Parameters;
            else
                _newerKeys = null;
        }
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException && await FreshKeysAsync(now, published) is { } fresh)
        {
            // A key we have not seen: the catalog may have rolled its keys since we last read them.
            result = await _handler.ValidateTokenAsync(token, fresh);
        }
        if (!result.IsValid)
            return TokenCheck.Unauthenticated(Explain(result.Exception, token));

        var jwt = (JsonWebToken)result.SecurityToken;
        var caller = CallerOf(jwt);
        if (_remembered.Count >= MaxRemembered)
            _remembered.Clear();
        _remembered[token] = new RememberedToken(caller, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + _options.ClockSkew);
        return TokenCheck.Valid(caller);
    }

    /// <summary>
    /// Validation parameters with the signing keys read afresh from the catalog, at most once per
    /// <see cref="IdentityOptions.UnknownKeyRefreshInterval"/>; null when throttled or unreachable. Later calls use
    /// them too until the configuration manager (asked to refresh as well) has read the new keys itself.
    /// </summary>
    private async Task<TokenValidationParameters?> FreshKeysAsync(DateTimeOffset now, OpenIdConnectConfiguration published)
    {
        lock (_remembered)
        {
            if (now - _lastKeyRefresh < _options.UnknownKeyRefreshInterval)
                return null;
            _lastKeyRefresh = now;
        }
        _configuration.RequestRefresh();
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(_metadataAddress, _documents, CancellationToken.None);
            var parameters = _parameters.Clone();
            parameters.ConfigurationManager = null;
            parameters.ValidIssuer = configuration.Issuer;
            parameters.IssuerSigningKeys = configuration.SigningKeys;
            // The manager throttles its own refreshes; until it has read these keys too, use ours.
            _newerKeys = new NewerKeys(published, parameters);
            return parameters;
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException or ArgumentException)
        {
            LogKeysUnreachable(_options.Authority, ex.Message);
            return null;
        }
    }

    private Caller CallerOf(JsonWebToken jwt)
    {
        var department = jwt.TryGetPayloadValue<string>("department", out var code) && !string.IsNullOrEmpty(code) ? code : null;
        var isAdmin = false;
        foreach (var claim in jwt.Claims)
        {
            if (claim.Type == "role" && claim.Value == "catalog-admin")
                isAdmin = true;
        }
        var audiences = string.Join(", ", jwt.Audiences);
        var forGateway = false;
        foreach (var audience in jwt.Audiences)
            forGateway |= audience == _options.Audience;
        return new Caller(jwt.Subject ?? string.Empty, department, isAdmin, forGateway, audiences);
    }

    private string Explain(Exception? failure, string token) => failure switch
    {
        SecurityTokenExpiredException expired =>
            $"The bearer token expired at {expired.Expires.ToString("u", CultureInfo.InvariantCulture)}; get a new one from {_options.TokenEndpoint}.",
        SecurityTokenNotYetValidException early =>
            $"The bearer token is not valid before {early.NotBefore.ToString("u", CultureInfo.InvariantCulture)}.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException or SecurityTokenInvalidSigningKeyException =>
            $"The bearer token's signature is not valid: it is not signed by a key the catalog at {_options.Authority} publishes (forged, or from another issuer).",
        SecurityTokenInvalidAudienceException =>
            $"The bearer token is for audience '{AudiencesOf(token)}', not '{_options.Audience}'; request it with scope exchange.gateway.",
        SecurityTokenInvalidIssuerException =>
            $"The bearer token was not issued by the catalog at {_options.Authority}.",
        SecurityTokenNoExpirationException =>
            "The bearer token has no expiry; the catalog issues only short-lived tokens.",
        SecurityTokenMalformedException or ArgumentException =>
            "The bearer token is not a well-formed JWT.",
        _ => $"The bearer token is not valid: {failure?.Message ?? "unknown reason"}.",
    };

    private string AudiencesOf(string token)
    {
        try
        {
            return string.Join(", ", _handler.ReadJsonWebToken(token).Audiences);
        }
        catch (ArgumentException)
        {
            return string.Empty;
        }
    }

    private sealed record NewerKeys(OpenIdConnectConfiguration Superseded, TokenValidationParameters Parameters);

    private sealed record RememberedToken(Caller Caller, DateTimeOffset ValidUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the catalog's signing keys from {Authority}: {Reason}")]
    private partial void LogKeysUnreachable(Uri authority, string reason);
}
