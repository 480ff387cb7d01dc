using Exchange.Protos.Licence.V1;
using Google.Protobuf;

namespace Exchange.Licences.Tests;

public sealed class LicenceSignatureTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "licence-keys-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    internal static Licence Draft(string holderName = "张三") => new()
    {
        LicenceNumber = LicenceNumber.Create("RIDC", "111100000000130017", 1),
        TypeCode = "RIDC",
        HolderId = "330106198812153739",
        HolderName = holderName,
        IssuerDepartmentCode = "PUBLIC-SECURITY",
        IssuerCreditCode = "111100000000130017",
        IssueDate = "2020-05-01",
        ExpiryDate = "2040-05-01",
        DataItems = { ["name"] = holderName, ["gender"] = "男", ["address"] = "浙江省杭州市西湖区\n文三路 1 号" },
    };

    private IssuerKeyRing Ring(TimeSpan? rotation = null) => IssuerKeyRing.Open(_directory, "PUBLIC-SECURITY", rotation ?? TimeSpan.FromDays(365), _time);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_issuer_private_key_is_readable_by_its_owner_only()
    {
        var ring = Ring();
        ring.Rotate();

        var keys = Directory.GetFiles(_directory, "*.pem");
        Assert.Equal(2, keys.Length);
        // Another local account that could read it could sign licences of this department.
        Assert.All(keys, key => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key)));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void A_signed_licence_verifies_with_the_published_keys()
    {
        var ring = Ring();
        var licence = LicenceSigner.Sign(Draft(), ring.Current);

        var verdict = new LicenceVerifier(ring.PublicKeys()).Verify(licence, Today);

        Assert.True(verdict.IsValid, verdict.Reason);
        Assert.Equal(ring.Current.KeyId, licence.SigningKeyId);
    }

    [Fact]
    public void A_licence_that_went_over_the_wire_still_verifies()
    {
        var ring = Ring();
        var licence = Licence.Parser.ParseFrom(LicenceSigner.Sign(Draft(), ring.Current).ToByteArray());

        Assert.True(new LicenceVerifier(ring.PublicKeys()).Verify(licence, Today).IsValid);
    }

    [Theory]
    [InlineData("name", "李四")]
    [InlineData("address", "浙江省杭州市西湖区文三路 1 号")]
    [InlineData("birth_date", "1988-12-15")]
    public void A_changed_or_added_data_item_fails_verification(string item, string value)
    {
        var ring = Ring();
        var licence = LicenceSigner.Sign(Draft(), ring.Current);

        licence.DataItems[item] = value;
        var verdict = new LicenceVerifier(ring.PublicKeys()).Verify(licence, Today);

        Assert.Equal(LicenceVerificationOutcome.BadSignature, verdict.Outcome);
        Assert.False(verdict.SignatureValid);
    }

    [Fact]
    public void A_removed_data_item_or_a_changed_expiry_fails_verification()
    {
        var ring = Ring();
        var verifier = new LicenceVerifier(ring.PublicKeys());
        var removed = LicenceSigner.Sign(Draft(), ring.Current);
        var extended = removed.Clone();

        removed.DataItems.Remove("gender");
        extended.ExpiryDate = "2060-05-01";

        Assert.Equal(LicenceVerificationOutcome.BadSignature, verifier.Verify(removed, Today).Outcome);
        Assert.Equal(LicenceVerificationOutcome.BadSignature, verifier.Verify(extended, Today).Outcome);
    }

    [Fact]
    public void Escaping_keeps_a_value_from_forging_another_line()
    {
        var ring = Ring();
        var licence = LicenceSigner.Sign(Draft(), ring.Current);
        var forged = licence.Clone();

        forged.DataItems["gender"] = "男\nname=李四";
        forged.DataItems.Remove("name");

        Assert.NotEqual(LicenceCanonicalEncoding.Encode(licence), LicenceCanonicalEncoding.Encode(forged));
    }

    [Fact]
    public void A_revoked_or_expired_licence_is_genuine_but_not_valid()
    {
        var ring = Ring();
        var verifier = new LicenceVerifier(ring.PublicKeys());
        var revoked = LicenceSigner.Sign(Draft(), ring.Current);
        var expired = revoked.Clone();

        revoked.Status = LicenceStatus.Revoked;
        revoked.RevocationReason = "证件遗失";

        Assert.Equal(LicenceVerificationOutcome.Revoked, verifier.Verify(revoked, Today).Outcome);
        Assert.True(verifier.Verify(revoked, Today).SignatureValid);
        Assert.Equal(LicenceVerificationOutcome.Expired, verifier.Verify(expired, new DateOnly(2040, 5, 2)).Outcome);
        Assert.True(verifier.Verify(expired, new DateOnly(2040, 5, 1)).IsValid);
    }

    [Fact]
    public void A_licence_signed_by_another_issuer_s_key_is_refused()
    {
        var other = IssuerKeyRing.Open(_directory, "CIVIL-AFFAIRS", TimeSpan.FromDays(365), _time);
        var licence = LicenceSigner.Sign(Draft(), other.Current);

        var unknown = new LicenceVerifier(Ring().PublicKeys()).Verify(licence, Today);
        var wrongIssuer = new LicenceVerifier(other.PublicKeys()).Verify(licence, Today);

        Assert.Equal(LicenceVerificationOutcome.UnknownKey, unknown.Outcome);
        Assert.Equal(LicenceVerificationOutcome.WrongIssuer, wrongIssuer.Outcome);
    }

    [Fact]
    public void A_forged_signature_is_refused()
    {
        var ring = Ring();
        var licence = LicenceSigner.Sign(Draft(), ring.Current);
        var bytes = licence.Signature.ToByteArray();
        bytes[^1] ^= 0x01;
        licence.Signature = ByteString.CopyFrom(bytes);

        Assert.Equal(LicenceVerificationOutcome.BadSignature, new LicenceVerifier(ring.PublicKeys()).Verify(licence, Today).Outcome);
    }

    [Fact]
    public void After_rotation_new_licences_use_the_new_key_and_old_ones_still_verify()
    {
        var ring = Ring();
        var old = LicenceSigner.Sign(Draft(), ring.Current);

        _time.Now = _time.Now.AddDays(30);
        var rotated = ring.Rotate();
        var fresh = LicenceSigner.Sign(Draft("王五"), ring.Current);
        var keys = ring.PublicKeys();
        var verifier = new LicenceVerifier(keys);

        Assert.NotEqual(old.SigningKeyId, fresh.SigningKeyId);
        Assert.Equal(rotated.KeyId, fresh.SigningKeyId);
        Assert.True(verifier.Verify(old, Today).IsValid);
        Assert.True(verifier.Verify(fresh, Today).IsValid);
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[1].ValidFrom, keys[0].ValidUntil);
        Assert.Equal(string.Empty, keys[1].ValidUntil);
    }

    [Fact]
    public void Reopening_the_ring_keeps_its_keys_and_rotates_once_the_period_has_passed()
    {
        var first = Ring(TimeSpan.FromDays(90)).Current.KeyId;

        _time.Now = _time.Now.AddDays(89);
        var reopened = Ring(TimeSpan.FromDays(90));
        _time.Now = _time.Now.AddDays(2);
        var rotated = Ring(TimeSpan.FromDays(90));

        Assert.Equal(first, reopened.Current.KeyId);
        Assert.Single(reopened.Keys);
        Assert.NotEqual(first, rotated.Current.KeyId);
        Assert.Equal([first, rotated.Current.KeyId], rotated.Keys.Select(k => k.KeyId));
    }
    [Fact]
    public void The_canonical_encoding_is_the_documented_sorted_escaped_text()
    {
        var licence = Draft();
        licence.SigningKeyId = "PUBLIC-SECURITY-20260101T000000000Z";
        licence.SignatureAlgorithm = SignatureAlgorithm.EcdsaP256Sha256;
        licence.Status = LicenceStatus.Revoked;
        licence.RevocationReason = "not signed";

        var text = System.Text.Encoding.UTF8.GetString(LicenceCanonicalEncoding.Encode(licence));

        Assert.Equal(
            "data_items.address=浙江省杭州市西湖区\\n文三路 1 号\n" +
            "data_items.gender=男\n" +
            "data_items.name=张三\n" +
            "expiry_date=2040-05-01\n" +
            "holder_id=330106198812153739\n" +
            "holder_name=张三\n" +
            "issue_date=2020-05-01\n" +
            "issuer_credit_code=111100000000130017\n" +
            "issuer_department_code=PUBLIC-SECURITY\n" +
            $"licence_number={licence.LicenceNumber}\n" +
            "signature_algorithm=SIGNATURE_ALGORITHM_ECDSA_P256_SHA256\n" +
            "signing_key_id=PUBLIC-SECURITY-20260101T000000000Z\n" +
            "type_code=RIDC\n",
            text);
    }
}
