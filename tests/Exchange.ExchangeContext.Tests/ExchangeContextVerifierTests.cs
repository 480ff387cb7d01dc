using System.Security.Cryptography;
using Exchange.Protos.Context.V1;
using Google.Protobuf;
using static Exchange.ExchangeContext.Tests.ContextSamples;

namespace Exchange.ExchangeContext.Tests;

public sealed class ExchangeContextVerifierTests : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly string _folder = Directory.CreateTempSubdirectory("exchange-context-").FullName;
    private readonly ManualTime _time = new(Now);

    private string TrustedDirectory => Path.Combine(_folder, "trusted");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_signed_context_verifies_with_every_field_intact()
    {
        var signer = NewTrustedSigner();
        var issued = ForGetResident(Now, Lifetime);

        var verification = NewVerifier().Verify(signer.Sign(issued), GetResident);

        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(issued, verification.Context);
        Assert.Equal(["name", "birth_date"], verification.Context!.DataItems);
        Assert.Equal("婚姻登记核验户籍", verification.Context.Purpose);
    }

    [Fact]
    public void Changing_a_byte_of_the_signed_context_fails_the_signature()
    {
        var signed = SignedExchangeContext.Parser.ParseFrom(NewTrustedSigner().Sign(ForGetResident(Now, Lifetime)));
        var widened = ForGetResident(Now, Lifetime);
        widened.DataItems.Add("registered_address");
        signed.Context = widened.ToByteString();

        var verification = NewVerifier().Verify(signed.ToByteArray(), GetResident);

        Assert.False(verification.IsValid);
        Assert.Contains("signature is not valid", verification.Problem);
    }

    [Fact]
    public void Flipping_one_bit_of_the_context_bytes_fails()
    {
        var signed = SignedExchangeContext.Parser.ParseFrom(NewTrustedSigner().Sign(ForGetResident(Now, Lifetime)));
        var bytes = signed.Context.ToByteArray();
        // Inside the request id's characters, so the bytes still parse and only the signature can catch it.
        bytes[3] ^= 0x01;
        signed.Context = ByteString.CopyFrom(bytes);

        var verification = NewVerifier().Verify(signed.ToByteArray(), GetResident);

        Assert.False(verification.IsValid);
        Assert.Contains("signature is not valid", verification.Problem);
    }

    [Fact]
    public void A_context_signed_by_an_untrusted_key_fails()
    {
        NewTrustedSigner();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var verification = NewVerifier().Verify(new ExchangeContextSigner(stranger).Sign(ForGetResident(Now, Lifetime)), GetResident);

        Assert.False(verification.IsValid);
        Assert.Contains("does not trust", verification.Problem);
    }

    [Fact]
    public void A_signature_by_another_key_under_a_trusted_key_id_fails()
    {
        var trusted = NewTrustedSigner();
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = SignedExchangeContext.Parser.ParseFrom(new ExchangeContextSigner(forger).Sign(ForGetResident(Now, Lifetime)));
        signed.KeyId = trusted.KeyId;

        var verification = NewVerifier().Verify(signed.ToByteArray(), GetResident);

        Assert.False(verification.IsValid);
        Assert.Contains("signature is not valid", verification.Problem);
    }

    [Fact]
    public void A_key_written_into_the_trusted_directory_later_is_trusted_after_the_reload_interval()
    {
        Directory.CreateDirectory(TrustedDirectory);
        var verifier = NewVerifier();
        var signingKeyPath = Path.Combine(_folder, "late-gateway.pem");
        using var lateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(signingKeyPath, lateKey.ExportPkcs8PrivateKeyPem());
        var signer = new ExchangeContextSigner(lateKey);

        var before = verifier.Verify(signer.Sign(ForGetResident(Now, Lifetime)), GetResident);
        using var _ = ExchangeContextKey.LoadOrCreateSigningKey(signingKeyPath, TrustedDirectory);
        var tooSoon = verifier.Verify(signer.Sign(ForGetResident(Now, Lifetime)), GetResident);
        _time.Advance(TimeSpan.FromSeconds(3));
        var after = verifier.Verify(signer.Sign(ForGetResident(_time.GetUtcNow(), Lifetime)), GetResident);

        Assert.Contains("does not trust", before.Problem);
        Assert.Contains("does not trust", tooSoon.Problem);
        Assert.True(after.IsValid, after.Problem);
    }

    [Fact]
    public void An_expired_context_fails()
    {
        var signer = NewTrustedSigner();
        var verifier = NewVerifier();
        var bytes = signer.Sign(ForGetResident(Now, Lifetime));

        _time.Advance(Lifetime + TimeSpan.FromSeconds(1));
        var verification = verifier.Verify(bytes, GetResident);

        Assert.False(verification.IsValid);
        Assert.Contains("expired", verification.Problem);
    }

    [Fact]
    public void A_context_without_expiry_fails()
    {
        var context = ForGetResident(Now, Lifetime);
        context.ExpireTime = null;

        var verification = NewVerifier().Verify(NewTrustedSigner().Sign(context), GetResident);

        Assert.False(verification.IsValid);
        Assert.Contains("expired", verification.Problem);
    }

    [Fact]
    public void A_context_issued_for_another_method_fails()
    {
        var verification = NewVerifier().Verify(
            NewTrustedSigner().Sign(ForGetResident(Now, Lifetime)), "/exchange.publicsecurity.v1.PopulationService/VerifyIdentity");

        Assert.False(verification.IsValid);
        Assert.Contains($"issued for {GetResident}", verification.Problem);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 0x0A, 0x10, 0x01 })]
    [InlineData(new byte[] { 0x12 })]
    public void Malformed_bytes_fail(byte[] bytes)
    {
        NewTrustedSigner();

        var verification = NewVerifier().Verify(bytes, GetResident);

        Assert.False(verification.IsValid);
        Assert.Contains("malformed", verification.Problem);
    }

    [Fact]
    public void No_bytes_fail_and_point_to_the_gateway()
    {
        var verification = NewVerifier().Verify(ReadOnlySpan<byte>.Empty, GetResident);

        Assert.False(verification.IsValid);
        Assert.Contains("call through the Exchange gateway", verification.Problem);
    }

    [Fact]
    public void The_signing_key_is_created_once_and_its_public_half_is_trusted()
    {
        var path = Path.Combine(_folder, "keys", "exchange-context.pem");

        using var first = ExchangeContextKey.LoadOrCreateSigningKey(path, TrustedDirectory);
        using var second = ExchangeContextKey.LoadOrCreateSigningKey(path, TrustedDirectory);
        var trusted = ExchangeContextKey.LoadTrustedKeys(TrustedDirectory);

        Assert.Equal(ExchangeContextKey.IdOf(first), ExchangeContextKey.IdOf(second));
        Assert.Equal([ExchangeContextKey.IdOf(first)], trusted.Keys);
        Assert.DoesNotContain("PRIVATE", File.ReadAllText(Directory.GetFiles(TrustedDirectory).Single()));
    }

    private ExchangeContextSigner NewTrustedSigner()
    {
        var key = ExchangeContextKey.LoadOrCreateSigningKey(Path.Combine(_folder, $"gateway-{Guid.NewGuid():N}.pem"), TrustedDirectory);
        return new ExchangeContextSigner(key);
    }

    private ExchangeContextVerifier NewVerifier() =>
        new(() => ExchangeContextKey.LoadTrustedKeys(TrustedDirectory), _time);
}
