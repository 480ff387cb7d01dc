using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Identity.Holders;

/// <summary>
/// The demo identity service: any valid citizen id or credit code may sign in with a six-digit code that is written to
/// the catalog's log instead of being sent by text message. A code belongs to one sign-in attempt (a random id kept in
/// the browser's cookie), is used at most once, lapses after <see cref="HolderSignInOptions.CodeLifetime"/> and after
/// <see cref="HolderSignInOptions.MaxCodeAttempts"/> wrong guesses; a holder gets at most
/// <see cref="HolderSignInOptions.MaxCodesPerWindow"/> codes per window. Held in memory: a restart voids pending codes.
/// </summary>
public sealed partial class DemoIdentityStore(IOptions<HolderSignInOptions> options, TimeProvider time, ILogger<DemoIdentityStore> logger)
{
    public const string Name = "demo";
    private const int MaxPendingAttempts = 100_000;

    private readonly ConcurrentDictionary<string, PendingCode> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _issued = new(StringComparer.Ordinal);

    /// <summary>Starts a sign-in for <paramref name="holderId"/> (already validated): the attempt id, or null when the holder has had too many codes lately.</summary>
    public string? SendCode(string holderId)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        var issued = _issued.GetOrAdd(holderId, _ => new Queue<DateTimeOffset>());
        lock (issued)
        {
            while (issued.Count > 0 && issued.Peek() <= now - o.CodeWindow)
                issued.Dequeue();
            if (issued.Count >= o.MaxCodesPerWindow)
            {
                LogCodesExhausted(logger, Mask(holderId), o.MaxCodesPerWindow, o.CodeWindow);
                return null;
            }
            issued.Enqueue(now);
        }
        Sweep(now);

        var attempt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        _pending[attempt] = new PendingCode(holderId, Hash(attempt, code), now + o.CodeLifetime, o.MaxCodeAttempts);
        LogCodeSent(logger, holderId, code, (int)o.CodeLifetime.TotalMinutes);
        return attempt;
    }

    /// <summary>The holder the code of this attempt vouches for; the attempt is spent on success, on expiry and after too many wrong codes.</summary>
    public CodeCheck Redeem(string? attempt, string? code)
    {
        if (string.IsNullOrEmpty(attempt) || !_pending.TryGetValue(attempt, out var pending))
            return CodeCheck.NoAttempt;
        var now = time.GetUtcNow();
        lock (pending)
        {
            if (pending.Spent)
                return CodeCheck.NoAttempt;
            if (now >= pending.ExpiresAt)
            {
                Spend(attempt, pending);
                return CodeCheck.Expired;
            }
            var given = Hash(attempt, (code ?? string.Empty).Trim());
            if (!CryptographicOperations.FixedTimeEquals(given, pending.CodeHash))
            {
                pending.AttemptsLeft--;
                if (pending.AttemptsLeft <= 0)
                {
                    Spend(attempt, pending);
                    return CodeCheck.TooManyAttempts;
                }
                return CodeCheck.Wrong(pending.AttemptsLeft);
            }
            Spend(attempt, pending);
            return CodeCheck.SignedIn(pending.HolderId);
        }
    }

    private void Spend(string attempt, PendingCode pending)
    {
        pending.Spent = true;
        _pending.TryRemove(attempt, out _);
    }

    private void Sweep(DateTimeOffset now)
    {
        if (_pending.Count < MaxPendingAttempts / 2)
            return;
        foreach (var (key, value) in _pending)
        {
            if (value.ExpiresAt <= now)
                _pending.TryRemove(key, out _);
        }
    }

    // Kept hashed with the attempt id, so a memory dump of pending attempts does not hand out codes.
    private static byte[] Hash(string attempt, string code) => SHA256.HashData(Encoding.UTF8.GetBytes(attempt + ":" + code));

    private static string Mask(string holderId) => holderId.Length > 8 ? holderId[..6] + new string('*', holderId.Length - 10) + holderId[^4..] : "***";

    [LoggerMessage(Level = LogLevel.Warning, Message = "演示身份库（代替国家政务服务平台统一身份认证）：{HolderId} 的一次性验证码 {Code}，{Minutes} 分钟内有效，仅可使用一次")]
    private static partial void LogCodeSent(ILogger logger, string holderId, string code, int minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Holder {MaskedHolderId} asked for more than {Max} sign-in codes within {Window}; refused")]
    private static partial void LogCodesExhausted(ILogger logger, string maskedHolderId, int max, TimeSpan window);

    private sealed class PendingCode(string holderId, byte[] codeHash, DateTimeOffset expiresAt, int attemptsLeft)
    {
        public string HolderId { get; } = holderId;
        public byte[] CodeHash { get; } = codeHash;
        public DateTimeOffset ExpiresAt { get; } = expiresAt;
        public int AttemptsLeft { get; set; } = attemptsLeft;
        public bool Spent { get; set; }
    }
}

/// <summary>The outcome of a one-time code.</summary>
public sealed record CodeCheck(string? HolderId, string? Problem)
{
    public static readonly CodeCheck NoAttempt = new(null, "没有待验证的登录，请重新获取验证码。");
    public static readonly CodeCheck Expired = new(null, "验证码已过期，请重新获取。");
    public static readonly CodeCheck TooManyAttempts = new(null, "验证码错误次数过多，已失效，请重新获取。");

    public static CodeCheck Wrong(int attemptsLeft) => new(null, $"验证码错误，还可尝试 {attemptsLeft} 次。");

    public static CodeCheck SignedIn(string holderId) => new(holderId, null);
}
