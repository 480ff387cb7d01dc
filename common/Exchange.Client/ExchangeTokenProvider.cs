using Duende.IdentityModel.Client;

namespace Exchange.Client;

/// <summary>
/// Gets client-credentials access tokens and reuses one until shortly before it expires; concurrent callers
/// share a single token request. Thread-safe; keep one per client for the life of the process.
/// </summary>
public sealed class ExchangeTokenProvider(HttpClient http, ExchangeClientOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current && _time.GetUtcNow() < current.RenewAt)
            return current.Token;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresh && _time.GetUtcNow() < fresh.RenewAt)
                return fresh.Token;

            var response = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
            {
                Address = options.TokenEndpoint.ToString(),
                ClientId = options.ClientId,
                ClientSecret = options.ClientSecret,
                Scope = options.Scope,
            }, cancellationToken);
            if (response.IsError || string.IsNullOrEmpty(response.AccessToken))
                throw new ExchangeTokenException(
                    $"The token endpoint {options.TokenEndpoint} refused client '{options.ClientId}': {response.Error} {response.ErrorDescription}".TrimEnd(),
                    response.Exception);

            var lifetime = TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, 1));
            var margin = lifetime > options.RefreshBeforeExpiry * 2 ? options.RefreshBeforeExpiry : lifetime / 2;
            _current = (response.AccessToken, _time.GetUtcNow() + lifetime - margin);
            return response.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }
}

public sealed class ExchangeTokenException(string message, Exception? inner = null) : Exception(message, inner);
