using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Exchange.Labels;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences.Clerk;

/// <summary>
/// Checks clerk sign-ins against the configured accounts in constant time, and locks an account after too many
/// failures in a row. Passwords are kept only as SHA-256 digests in memory.
/// </summary>
internal sealed partial class ClerkAccounts
{
    private readonly Dictionary<string, (byte[] Digest, ClerkAccountSettings Settings)> _accounts;
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly ClerkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ClerkAccounts> _logger;

    public ClerkAccounts(IOptions<ClerkOptions> options, TimeProvider time, ILogger<ClerkAccounts> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _accounts = _options.Accounts
            .Where(a => a.Value.Password.Length > 0 && a.Value.Department.Length > 0)
            .ToDictionary(a => a.Key, a => (Digest(a.Value.Password), a.Value), StringComparer.Ordinal);
        if (_accounts.Count == 0)
            LogNoAccounts();
    }

    /// <summary>The account, or null with the reason to show (in Chinese).</summary>
    public ClerkAccountSettings? SignIn(string userName, string password, out string? problem)
    {
        problem = null;
        var now = _time.GetUtcNow();
        if (_failures.TryGetValue(userName, out var failures) && failures.LockedUntil > now)
        {
            problem = $"失败次数过多，账户已锁定，请在 {BeijingTime.Format(failures.LockedUntil, "HH:mm")}（北京时间）后重试。";
            LogSignInWhileLocked(userName);
            return null;
        }
        var digest = Digest(password);
        if (_accounts.TryGetValue(userName, out var account) && CryptographicOperations.FixedTimeEquals(digest, account.Digest))
        {
            _failures.TryRemove(userName, out _);
            LogSignedIn(userName, account.Settings.Department);
            return account.Settings;
        }
        var count = _failures.AddOrUpdate(userName, _ => new Failures(1, DateTimeOffset.MinValue), (_, f) => f with { Count = f.Count + 1 });
        LogSignInFailed(userName, _accounts.ContainsKey(userName), count.Count);
        if (count.Count >= _options.MaxFailedSignIns)
        {
            _failures[userName] = new Failures(0, now + _options.LockoutDuration);
            LogLockedOut(userName, _options.LockoutDuration);
        }
        problem = "用户名或密码不正确。";
        return null;
    }

    private static byte[] Digest(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));

    private sealed record Failures(int Count, DateTimeOffset LockedUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clerk page: no clerk account is configured (Clerk:Accounts:<name>:Password and :Department); nobody can sign in")]
    private partial void LogNoAccounts();

    [LoggerMessage(Level = LogLevel.Information, Message = "Clerk {UserName} of {Department} signed in")]
    private partial void LogSignedIn(string userName, string department);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clerk sign-in failed for {UserName} (known account: {KnownAccount}); {FailuresInARow} failure(s) in a row")]
    private partial void LogSignInFailed(string userName, bool knownAccount, int failuresInARow);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clerk sign-in refused for {UserName}: the account is locked")]
    private partial void LogSignInWhileLocked(string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clerk account {UserName} locked for {Duration} after repeated failed sign-ins")]
    private partial void LogLockedOut(string userName, TimeSpan duration);
}
