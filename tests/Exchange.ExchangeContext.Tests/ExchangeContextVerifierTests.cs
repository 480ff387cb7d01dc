using System.Security.Cryptography;
using Exchange.Protos.Context.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using static Exchange.ExchangeContext.Tests.ContextSamples;

namespace Exchange.ExchangeContext.Tests;

/// <summary>The provider's rules for a context: MAC under its own valid key, expiry, method, department, request digest, subject, one use.</summary>
public sealed class ExchangeContextVerifierTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(2);

    private readonly FakeTimeProvider _time = new(Now);

    private ExchangeContextVerifier NewVerifier(IContextKeySource? keys = null, int capacity = 1000) =>
        new(keys ?? new StaticKeys(Key), new OneTimeIds(_time, capacity), ContextSubjects.FromContracts(), _time, MaxLifetime);

    private static ExchangeContextVerification Verify(ExchangeContextVerifier verifier, byte[] sealedContext, byte[]? request = null, string method = GetResident, string department = Department) =>
        verifier.Verify(sealedContext, method, department, Message(request ?? Request()));

    [Fact]
    public void A_context_sealed_with_the_providers_key_verifies_with_every_field_intact()
    {
        var issued = ForGetResident(Now, Lifetime);

        var verification = Verify(NewVerifier(), ExchangeContextMac.Seal(issued, Key));

        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(issued, verification.Context);
    }

    [Fact]
    public void Changing_a_byte_of_the_context_fails_the_mac()
    {
        var sealedContext = SignedExchangeContext.Parser.ParseFrom(ExchangeContextMac.Seal(ForGetResident(Now, Lifetime), Key));
        var widened = ForGetResident(Now, Lifetime);
        widened.DataItems.Add("registered_address");
        sealedContext.Context = widened.ToByteString();

        var verification = Verify(NewVerifier(), sealedContext.ToByteArray());

        Assert.Equal(StatusCode.Unauthenticated, verification.Status);
        Assert.Contains("MAC is not valid", verification.Problem);
    }

    [Fact]
    public void A_key_the_provider_does_not_hold_is_refused()
    {
        var stranger = Key with { Key = RandomNumberGenerator.GetBytes(32), KeyId = "PUBLIC-SECURITY.forged" };

        var verification = Verify(NewVerifier(), ExchangeContextMac.Seal(ForGetResident(Now, Lifetime), stranger));

        Assert.Equal(StatusCode.Unauthenticated, verification.Status);
        Assert.Contains("no context key of PUBLIC-SECURITY", verification.Problem);
    }

    [Fact]
    public void Another_departments_key_is_refused_even_when_the_provider_holds_it()
    {
        var theirs = new ContextKey("MARKET-REGULATION", "MARKET-REGULATION.1", RandomNumberGenerator.GetBytes(32), true, null);

        var verification = Verify(NewVerifier(new StaticKeys(Key, theirs)), ExchangeContextMac.Seal(ForGetResident(Now, Lifetime), theirs));

        Assert.Equal(StatusCode.Unauthenticated, verification.Status);
    }

    [Fact]
    public void A_rotated_out_key_is_refused_after_its_grace_period()
    {
        var previous = Key with { Current = false, ExpireTime = Now + TimeSpan.FromMinutes(5) };
        var verifier = NewVerifier(new StaticKeys(previous));

        Assert.True(Verify(verifier, ExchangeContextMac.Seal(ForGetResident(Now, Lifetime), previous)).IsValid);
        _time.Advance(TimeSpan.FromMinutes(5));
        var late = Verify(verifier, ExchangeContextMac.Seal(ForGetResident(_time.GetUtcNow(), Lifetime), previous));

        Assert.Contains("rotated out", late.Problem);
    }

    [Fact]
    public void No_key_yet_is_unavailable()
    {
        var verification = Verify(NewVerifier(new StaticKeys()), ExchangeContextMac.Seal(ForGetResident(Now, Lifetime), Key));

        Assert.Equal(StatusCode.Unavailable, verification.Status);
    }

    [Fact]
    public void The_same_context_twice_is_refused_the_second_time()
    {
        var verifier = NewVerifier();
        var sealedContext = ExchangeContextMac.Seal(ForGetResident(Now, Lifetime), Key);

        var first = Verify(verifier, sealedContext);
        var second = Verify(verifier, sealedContext);

        Assert.True(first.IsValid, first.Problem);
        Assert.Equal(StatusCode.Unauthenticated, second.Status);
        Assert.Contains("used before", second.Problem);
    }

    [Fact]
    public void A_refused_call_does_not_use_up_the_context()
    {
        var verifier = NewVerifier();
        var sealedContext = ExchangeContextMac.Seal(ForGetResident(Now, Lifetime), Key);

        Assert.False(Verify(verifier, sealedContext, Request("11010519491231002X")).IsValid);
        Assert.True(Verify(verifier, sealedContext).IsValid);
    }

    [Fact]
    public void Another_request_message_is_refused()
    {
        var verification = Verify(NewVerifier(), ExchangeContextMac.Seal(ForGetResident(Now, Lifetime), Key), Request("11010519491231002X"));

        Assert.Equal(StatusCode.Unauthenticated, verification.Status);
        Assert.Contains("another request message", verification.Problem);
    }

    [Fact]
    public void A_context_naming_another_subject_than_its_request_is_refused()
    {
        // Digest right, subject wrong: only a gateway bug could issue it, and it is refused all the same.
        var context = ForGetResident(Now, Lifetime);
        context.SubjectIds[0] = "11010519491231002X";

        var verification = Verify(NewVerifier(), ExchangeContextMac.Seal(context, Key));

        Assert.Contains("another subject", verification.Problem);
    }

    [Fact]
    public void A_context_for_another_method_is_refused()
    {
        var verification = Verify(NewVerifier(), ExchangeContextMac.Seal(ForGetResident(Now, Lifetime), Key),
            method: "/exchange.publicsecurity.v1.PopulationService/VerifyIdentity");

        Assert.Equal(StatusCode.Unauthenticated, verification.Status);
        Assert.Contains("issued for " + GetResident, verification.Problem);
    }

    [Fact]
    public void A_context_for_another_provider_department_is_permission_denied()
    {
        var context = ForGetResident(Now, Lifetime);
        context.ProviderDepartmentCode = "CIVIL-AFFAIRS";

        var verification = Verify(NewVerifier(), ExchangeContextMac.Seal(context, Key));

        Assert.Equal(StatusCode.PermissionDenied, verification.Status);
    }

    [Fact]
    public void An_expired_context_is_refused()
    {
        var sealedContext = ExchangeContextMac.Seal(ForGetResident(Now, Lifetime), Key);
        _time.Advance(Lifetime);

        Assert.Contains("expired", Verify(NewVerifier(), sealedContext).Problem);
    }

    [Fact]
    public void A_context_valid_for_longer_than_the_provider_accepts_is_refused()
    {
        var verification = Verify(NewVerifier(), ExchangeContextMac.Seal(ForGetResident(Now, TimeSpan.FromHours(1)), Key));

        Assert.Contains("longer than", verification.Problem);
    }

    [Fact]
    public void Garbage_in_the_metadata_is_refused_as_malformed()
    {
        Assert.Contains("malformed", Verify(NewVerifier(), [0xFF, 0xFF, 0xFF]).Problem);
    }
}
