using Exchange.Gateway.Licences;
using Exchange.Gateway.Licences.Presentations;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using Exchange.ServiceDefaults.Errors;
using Exchange.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Gateway.UnitTests.Licences;

/// <summary>
/// Presentation codes (亮证码) as rules, with a fake clock, an in-memory store and a fake issuer: a holder's consent for
/// one licence, the items named and one counter, used once within minutes; everything else refused and nothing more shown.
/// </summary>
public sealed class PresentationCodesTests
{
    private const string Number = "RIDC11110000000015003U000000011";
    private const string OtherNumber = "RIDC11110000000015003U000000029";
    private static readonly string Holder = IdentifierVectors.Valid("citizenId").First();
    private static readonly string OtherHolder = IdentifierVectors.Valid("citizenId").Skip(1).First();
    private static readonly LicenceIssuer Issuer = new(Catalogs.Resource("PS-LIC", service: LicenceIssuer.IssuerService, methods: ["GetLicence"]));

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeLicences _licences = new();
    private readonly PresentationOptions _options = new();
    private readonly PresentationCodes _codes;

    public PresentationCodesTests()
    {
        _licences.Hold(Licence(Number, Holder));
        _licences.Hold(Licence(OtherNumber, OtherHolder));
        _codes = Codes(new InProcessPresentationStore(_time));
    }

    [Fact]
    public async Task A_code_shows_the_named_department_the_consented_items_once_and_nothing_beyond_them()
    {
        var made = await MakeAsync(["name", "address"], "CIVIL-AFFAIRS");

        var first = await RedeemAsync(made.Code, "CIVIL-AFFAIRS");
        var shown = first.Licence!.ForCaller();
        var again = await RedeemAsync(made.Code, "CIVIL-AFFAIRS");

        Assert.Equal("OK", first.Status);
        Assert.Equal(["address", "name"], shown.DataItems.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("张三", shown.HolderName);
        Assert.Empty(shown.HolderId);
        Assert.False(first.Licence.Whole);
        Assert.Equal(Holder, first.Record!.HolderId);
        Assert.Equal(["RIDC.name", "RIDC.address"], first.Record.QualifiedItems);
        Assert.Equal(("FAILED_PRECONDITION", null), (again.Status, again.Licence));
        Assert.Contains("已使用", again.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_is_refused_once_its_lifetime_has_passed()
    {
        var made = await MakeAsync(["name"]);

        _time.Advance(_options.Lifetime);
        var late = await RedeemAsync(made.Code, "CIVIL-AFFAIRS");

        Assert.Equal("NOT_FOUND", late.Status);
        Assert.Null(late.Licence);
        Assert.Contains("过期", late.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_code_with_one_character_changed_is_refused_and_never_shows_a_licence()
    {
        // Limits generous enough that every altered code reaches the check, not the guessing limit.
        var codes = Codes(new InProcessPresentationStore(_time), new PresentationOptions { MaxFailuresPerClerk = 1, MaxFailuresPerDepartment = 1000 });
        var made = await codes.MakeAsync(Holder, Number, ["name"], null, Requester("PORTAL"), CancellationToken.None);
        var code = PresentationCode.Normalise(made.Code);
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

        for (var position = 0; position < code.Length; position++)
        {
            foreach (var other in alphabet.Where(c => c != code[position]))
            {
                var altered = string.Concat(code.AsSpan(0, position), other.ToString(), code.AsSpan(position + 1));
                Assert.NotNull(PresentationCode.Problem(altered));
                var answer = await codes.RedeemAsync(altered, "CIVIL-AFFAIRS", $"clerk-{position}-{other}", Requester("CIVIL-AFFAIRS"), CancellationToken.None);
                Assert.Equal(("INVALID_ARGUMENT", null), (answer.Status, answer.Licence));
            }
        }
        var genuine = await codes.RedeemAsync(made.Code, "CIVIL-AFFAIRS", "clerk-last", Requester("CIVIL-AFFAIRS"), CancellationToken.None);
        Assert.Equal("OK", genuine.Status);
    }

    [Fact]
    public async Task A_well_formed_code_that_was_never_made_is_not_found()
    {
        await MakeAsync(["name"]);
        var guessed = Enumerable.Range(0, 3).Select(_ => PresentationCode.Generate()).ToList();

        var answers = await Task.WhenAll(guessed.Select((code, i) => _codes.RedeemAsync(code, "CIVIL-AFFAIRS", $"clerk-{i}", Requester("CIVIL-AFFAIRS"), CancellationToken.None)));

        Assert.All(answers, a => Assert.Equal(("NOT_FOUND", null), (a.Status, a.Licence)));
    }

    [Fact]
    public async Task A_code_for_one_department_is_refused_at_another_and_spent()
    {
        var made = await MakeAsync(["name"], "CIVIL-AFFAIRS");

        var elsewhere = await RedeemAsync(made.Code, "MARKET-REGULATION");
        var afterwards = await RedeemAsync(made.Code, "CIVIL-AFFAIRS");

        Assert.Equal(("PERMISSION_DENIED", null), (elsewhere.Status, elsewhere.Licence));
        Assert.Contains("民政厅", elsewhere.Problem, StringComparison.Ordinal);
        Assert.Equal("FAILED_PRECONDITION", afterwards.Status);
    }

    [Fact]
    public async Task A_code_without_a_department_is_good_at_any_counter()
    {
        var made = await MakeAsync(["name"]);

        Assert.Equal("OK", (await RedeemAsync(made.Code, "MARKET-REGULATION")).Status);
    }

    [Fact]
    public async Task Items_the_licence_type_does_not_have_are_refused_when_the_code_is_made()
    {
        var unknown = await Assert.ThrowsAsync<InvalidFieldException>(() => MakeAsync(["name", "marriage_date"]));
        var none = await Assert.ThrowsAsync<InvalidFieldException>(() => MakeAsync([]));
        var department = await Assert.ThrowsAsync<InvalidFieldException>(() => MakeAsync(["name"], "NOBODY"));
        // The portal has a name but no counter: a code for it would let no clerk redeem it.
        var portal = await Assert.ThrowsAsync<InvalidFieldException>(() => MakeAsync(["name"], "PORTAL"));

        Assert.Contains("marriage_date", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("data_items", none.Message, StringComparison.Ordinal);
        Assert.Contains("counter_department_code", department.Message, StringComparison.Ordinal);
        Assert.Contains("counter_department_code", portal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_licence_revoked_after_the_code_was_made_is_refused_at_the_counter()
    {
        var made = await MakeAsync(["name"]);

        _licences.Revoke(Number, "持证人死亡");
        var answer = await RedeemAsync(made.Code, "CIVIL-AFFAIRS");

        Assert.Equal(("FAILED_PRECONDITION", null), (answer.Status, answer.Licence));
        Assert.Contains("撤销", answer.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_holder_cannot_make_a_code_for_another_holders_licence_or_a_revoked_one()
    {
        var others = await Assert.ThrowsAsync<NotFoundException>(() =>
            _codes.MakeAsync(Holder, OtherNumber, ["name"], null, Requester("PORTAL"), CancellationToken.None));
        _licences.Revoke(Number, "换领");
        var revoked = await Assert.ThrowsAsync<PreconditionFailedException>(() => MakeAsync(["name"]));

        Assert.Contains(OtherNumber, others.Message, StringComparison.Ordinal);
        Assert.Contains(Number, revoked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_codes_stop_a_clerk_after_the_limit_and_a_department_after_its_limit_until_the_window_passes()
    {
        var options = new PresentationOptions { MaxFailuresPerClerk = 3, MaxFailuresPerDepartment = 5 };
        var codes = Codes(new InProcessPresentationStore(_time), options);
        for (var i = 0; i < 3; i++)
            await codes.RedeemAsync(PresentationCode.Generate(), "CIVIL-AFFAIRS", "clerk-a", Requester("CIVIL-AFFAIRS"), CancellationToken.None);
        var made = await codes.MakeAsync(Holder, Number, ["name"], null, Requester("PORTAL"), CancellationToken.None);

        var stopped = await codes.RedeemAsync(made.Code, "CIVIL-AFFAIRS", "clerk-a", Requester("CIVIL-AFFAIRS"), CancellationToken.None);
        for (var i = 0; i < 2; i++)
            await codes.RedeemAsync(PresentationCode.Generate(), "CIVIL-AFFAIRS", "clerk-b", Requester("CIVIL-AFFAIRS"), CancellationToken.None);
        var departmentStopped = await codes.RedeemAsync(made.Code, "CIVIL-AFFAIRS", "clerk-c", Requester("CIVIL-AFFAIRS"), CancellationToken.None);
        var otherDepartment = await codes.RedeemAsync(PresentationCode.Generate(), "MARKET-REGULATION", "clerk-d", Requester("MARKET-REGULATION"), CancellationToken.None);
        _time.Advance(options.FailureWindow);
        var fresh = await codes.MakeAsync(Holder, Number, ["name"], null, Requester("PORTAL"), CancellationToken.None);
        var later = await codes.RedeemAsync(fresh.Code, "CIVIL-AFFAIRS", "clerk-a", Requester("CIVIL-AFFAIRS"), CancellationToken.None);

        Assert.Equal("RESOURCE_EXHAUSTED", stopped.Status);
        Assert.Equal("RESOURCE_EXHAUSTED", departmentStopped.Status);
        Assert.Equal("NOT_FOUND", otherDepartment.Status);
        Assert.Equal("OK", later.Status);
    }

    [Fact]
    public async Task Of_two_redemptions_at_once_one_gets_the_licence_and_the_other_is_told_it_was_used_without_counting_as_a_wrong_code()
    {
        var store = new HeldAfterTakeStore(new InProcessPresentationStore(_time));
        // Room for the two at once and then one wrong code: had the loser counted as a wrong code, the last attempt would be stopped.
        var codes = Codes(store, new PresentationOptions { MaxFailuresPerClerk = 2, MaxFailuresPerDepartment = 2 });
        var made = await codes.MakeAsync(Holder, Number, ["name"], null, Requester("PORTAL"), CancellationToken.None);

        var first = codes.RedeemAsync(made.Code, "CIVIL-AFFAIRS", "clerk-1", Requester("CIVIL-AFFAIRS"), CancellationToken.None);
        await store.FirstTaken.Task;
        var second = await codes.RedeemAsync(made.Code, "CIVIL-AFFAIRS", "clerk-1", Requester("CIVIL-AFFAIRS"), CancellationToken.None);
        store.ReleaseFirst.SetResult();
        var winner = await first;
        var wrong = await codes.RedeemAsync(PresentationCode.Generate(), "CIVIL-AFFAIRS", "clerk-1", Requester("CIVIL-AFFAIRS"), CancellationToken.None);
        var next = await codes.MakeAsync(Holder, Number, ["name"], null, Requester("PORTAL"), CancellationToken.None);
        var afterwards = await codes.RedeemAsync(next.Code, "CIVIL-AFFAIRS", "clerk-1", Requester("CIVIL-AFFAIRS"), CancellationToken.None);

        Assert.Equal("OK", winner.Status);
        Assert.Equal(("FAILED_PRECONDITION", null), (second.Status, second.Licence));
        Assert.Contains("已使用", second.Problem, StringComparison.Ordinal);
        Assert.Equal(Holder, second.Record?.HolderId);
        Assert.Equal("NOT_FOUND", wrong.Status);
        Assert.Equal("OK", afterwards.Status);
    }

    [Fact]
    public async Task A_burst_of_wrong_codes_at_once_tries_no_more_codes_than_the_clerks_limit()
    {
        const int burst = 20;
        var options = new PresentationOptions { MaxFailuresPerClerk = 5, MaxFailuresPerDepartment = 1000 };
        var codes = Codes(new AllArriveFirstStore(new InProcessPresentationStore(_time), burst), options);

        var answers = await Task.WhenAll(Enumerable.Range(0, burst).Select(_ =>
            Task.Run(() => codes.RedeemAsync(PresentationCode.Generate(), "CIVIL-AFFAIRS", "clerk-1", Requester("CIVIL-AFFAIRS"), CancellationToken.None))));

        Assert.Equal(options.MaxFailuresPerClerk, answers.Count(a => a.Status == "NOT_FOUND"));
        Assert.Equal(burst - options.MaxFailuresPerClerk, answers.Count(a => a.Status == "RESOURCE_EXHAUSTED"));
    }

    [Fact]
    public async Task Without_its_store_a_code_is_neither_made_nor_redeemed()
    {
        var codes = Codes(new UnavailableStore());

        await Assert.ThrowsAsync<UnavailableException>(() => codes.MakeAsync(Holder, Number, ["name"], null, Requester("PORTAL"), CancellationToken.None));
        await Assert.ThrowsAsync<UnavailableException>(() => codes.RedeemAsync(PresentationCode.Generate(), "CIVIL-AFFAIRS", "clerk", Requester("CIVIL-AFFAIRS"), CancellationToken.None));
    }

    [Fact]
    public void Codes_are_twelve_characters_in_groups_of_four_and_read_forgivingly()
    {
        var code = PresentationCode.Generate();
        var normalised = PresentationCode.Normalise(code);

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        Assert.Null(PresentationCode.Problem(normalised));
        Assert.Equal(normalised, PresentationCode.Normalise(" " + code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) + " "));
        Assert.NotEqual(PresentationCode.Digest(normalised), normalised);
    }

    private PresentationCodes Codes(IPresentationStore store, PresentationOptions? options = null) =>
        new(_licences, store, Options.Create(options ?? _options), _time);

    private Task<MadePresentation> MakeAsync(string[] items, string? department = null) =>
        _codes.MakeAsync(Holder, Number, items, department, Requester("PORTAL"), CancellationToken.None);

    private Task<PresentationRedemption> RedeemAsync(string code, string department) =>
        _codes.RedeemAsync(code, department, "clerk-1", Requester(department), CancellationToken.None);

    private static LicenceRequester Requester(string department) => new(department, "CASE-1", "窗口核验", Guid.NewGuid().ToString("N"));

    private static Licence Licence(string number, string holder) => new()
    {
        LicenceNumber = number,
        TypeCode = "RIDC",
        HolderId = holder,
        HolderName = "张三",
        IssuerDepartmentCode = "PUBLIC-SECURITY",
        Status = LicenceStatus.Valid,
        DataItems = { ["name"] = "张三", ["gender"] = "男", ["address"] = "杭州市西湖区", ["citizen_id"] = holder },
    };

    private sealed class FakeLicences : IPresentationLicences
    {
        private readonly Dictionary<string, Licence> _held = new(StringComparer.Ordinal);

        public void Hold(Licence licence) => _held[licence.LicenceNumber] = licence;

        public void Revoke(string number, string reason)
        {
            _held[number].Status = LicenceStatus.Revoked;
            _held[number].RevocationReason = reason;
        }

        public Task<CheckedLicence> HeldAsync(string number, string holderId, LicenceRequester requester, CancellationToken cancellationToken) =>
            _held.TryGetValue(number, out var licence) && licence.HolderId == holderId
                ? Task.FromResult(Checked(licence, LicenceDisclosure.Whole(licence.TypeCode)))
                : throw new NotFoundException($"The signed-in holder holds no licence {number}.");

        public Task<CheckedLicence> WithConsentAsync(string number, IReadOnlyCollection<string> items, LicenceRequester requester, CancellationToken cancellationToken) =>
            Task.FromResult(Checked(_held[number], LicenceDisclosure.For("RIDC", [], items).WithHolderName()));

        private static CheckedLicence Checked(Licence licence, LicenceDisclosure disclosure)
        {
            var valid = licence.Status == LicenceStatus.Valid;
            return new CheckedLicence(Issuer, licence.Clone(), new Verification
            {
                Valid = valid,
                SignatureValid = true,
                Status = licence.Status,
                Outcome = valid ? VerificationOutcome.Valid : VerificationOutcome.Revoked,
                Reason = valid ? "有效" : "已撤销",
            }, disclosure, CacheSource.Miss);
        }
    }

    private sealed class UnavailableStore : IPresentationStore
    {
        public Task<bool> AddAsync(string key, byte[] record, TimeSpan ttl) => throw Down();
        public Task<byte[]?> TakeAsync(string key, string usedKey, TimeSpan usedFor) => throw Down();
        public Task<byte[]?> GetAsync(string key) => throw Down();
        public Task<long> IncrementAsync(string key, TimeSpan window) => throw Down();
        public Task ReleaseAsync(string key) => throw Down();
        private static UnavailableException Down() => new("Redis does not answer");
    }

    /// <summary>
    /// The in-memory store with every call, once made, held until <paramref name="callers"/> calls have been made, so that
    /// that many redemptions started at once each make their first store call before any of them goes on: the worst interleaving.
    /// </summary>
    private sealed class AllArriveFirstStore(InProcessPresentationStore inner, int callers) : IPresentationStore
    {
        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task<bool> AddAsync(string key, byte[] record, TimeSpan ttl) => inner.AddAsync(key, record, ttl);
        public async Task<byte[]?> TakeAsync(string key, string usedKey, TimeSpan usedFor) { var result = await inner.TakeAsync(key, usedKey, usedFor); await ArriveAsync(); return result; }
        public async Task<byte[]?> GetAsync(string key) { var result = await inner.GetAsync(key); await ArriveAsync(); return result; }
        public async Task<long> IncrementAsync(string key, TimeSpan window) { var result = await inner.IncrementAsync(key, window); await ArriveAsync(); return result; }
        public async Task ReleaseAsync(string key) { await inner.ReleaseAsync(key); await ArriveAsync(); }

        private Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) >= callers)
                _allArrived.TrySetResult();
            return _allArrived.Task;
        }
    }

    /// <summary>
    /// The in-memory store with the first redemption held right after it took the code, until released: a second
    /// redemption of the same code runs in between, as it can on another gateway instance.
    /// </summary>
    private sealed class HeldAfterTakeStore(InProcessPresentationStore inner) : IPresentationStore
    {
        private int _takes;

        public TaskCompletionSource FirstTaken { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource ReleaseFirst { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<bool> AddAsync(string key, byte[] record, TimeSpan ttl) => inner.AddAsync(key, record, ttl);
        public Task<byte[]?> GetAsync(string key) => inner.GetAsync(key);
        public Task<long> IncrementAsync(string key, TimeSpan window) => inner.IncrementAsync(key, window);
        public Task ReleaseAsync(string key) => inner.ReleaseAsync(key);

        public async Task<byte[]?> TakeAsync(string key, string usedKey, TimeSpan usedFor)
        {
            var taken = await inner.TakeAsync(key, usedKey, usedFor);
            if (Interlocked.Increment(ref _takes) == 1)
            {
                FirstTaken.SetResult();
                await ReleaseFirst.Task;
            }
            return taken;
        }
    }
}
