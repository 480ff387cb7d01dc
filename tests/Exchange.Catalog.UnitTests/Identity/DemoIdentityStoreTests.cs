using System.Text.RegularExpressions;
using Exchange.Catalog.Identity.Holders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Catalog.UnitTests.Identity;

/// <summary>The one-time codes of the demo identity service: once, briefly, a few guesses, a few codes per window.</summary>
public sealed partial class DemoIdentityStoreTests
{
    private const string Holder = "11010519491231002X";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 6, 0, 0, TimeSpan.Zero));
    private readonly CodeLog _log = new();
    private readonly DemoIdentityStore _store;

    public DemoIdentityStoreTests() =>
        _store = new DemoIdentityStore(Options.Create(new HolderSignInOptions()), _time, _log);

    [Fact]
    public void A_code_signs_its_holder_in_once()
    {
        var attempt = _store.SendCode(Holder)!;

        Assert.Equal(Holder, _store.Redeem(attempt, _log.LastCode).HolderId);
        Assert.Same(CodeCheck.NoAttempt, _store.Redeem(attempt, _log.LastCode));
    }

    [Fact]
    public void A_code_lapses_after_its_lifetime()
    {
        var attempt = _store.SendCode(Holder)!;
        _time.Advance(new HolderSignInOptions().CodeLifetime);

        Assert.Same(CodeCheck.Expired, _store.Redeem(attempt, _log.LastCode));
    }

    [Fact]
    public void A_code_belongs_to_its_attempt()
    {
        _store.SendCode(Holder);
        var code = _log.LastCode;
        var other = _store.SendCode(Holder)!;

        Assert.Null(_store.Redeem(other, code == _log.LastCode ? "x" : code).HolderId);
        Assert.Same(CodeCheck.NoAttempt, _store.Redeem("not-an-attempt", code));
    }

    [Fact]
    public void Wrong_codes_void_the_code_after_the_allowed_attempts()
    {
        var attempt = _store.SendCode(Holder)!;
        var wrong = _log.LastCode == "000000" ? "111111" : "000000";
        for (var i = 1; i < new HolderSignInOptions().MaxCodeAttempts; i++)
            Assert.Contains("验证码错误", _store.Redeem(attempt, wrong).Problem);

        Assert.Same(CodeCheck.TooManyAttempts, _store.Redeem(attempt, wrong));
        Assert.Same(CodeCheck.NoAttempt, _store.Redeem(attempt, _log.LastCode));
    }

    [Fact]
    public void A_holder_gets_a_limited_number_of_codes_per_window()
    {
        var options = new HolderSignInOptions();
        for (var i = 0; i < options.MaxCodesPerWindow; i++)
            Assert.NotNull(_store.SendCode(Holder));

        Assert.Null(_store.SendCode(Holder));
        _time.Advance(options.CodeWindow);
        Assert.NotNull(_store.SendCode(Holder));
    }

    /// <summary>Reads the codes from the log, as a holder of the demo reads them from the catalog's.</summary>
    private sealed partial class CodeLog : ILogger<DemoIdentityStore>
    {
        public string LastCode { get; private set; } = string.Empty;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var match = Code().Match(formatter(state, exception));
            if (match.Success)
                LastCode = match.Groups[1].Value;
        }

        [GeneratedRegex(@"一次性验证码 (\d{6})")]
        private static partial Regex Code();
    }
}
