using Exchange.Gateway.Calls;

namespace Exchange.Gateway.UnitTests.Calls;

public sealed class RequestIdsTests
{
    [Fact]
    public void A_request_id_is_a_version_7_uuid_of_its_time_in_the_form_the_audit_log_has_always_stored()
    {
        var time = new DateTimeOffset(2026, 12, 5, 23, 40, 1, 234, TimeSpan.Zero);

        var id = RequestIds.New(time);

        Assert.Matches("^[0-9a-f]{32}$", id);
        var guid = Guid.ParseExact(id, "N");
        Assert.Equal(7, guid.Version);
        Assert.Equal(0b10, guid.Variant >> 2);
        Assert.Equal(time.ToUnixTimeMilliseconds(), Convert.ToInt64(id[..12], 16));
        // Guid.CreateVersion7 of the same millisecond shares the time prefix and the version and variant digits.
        var reference = Guid.CreateVersion7(time).ToString("N");
        Assert.Equal(reference[..13], id[..13]);
        Assert.Equal(reference[16] >= '8' && reference[16] <= 'b', id[16] >= '8' && id[16] <= 'b');
    }

    [Fact]
    public void Request_ids_of_one_millisecond_differ()
    {
        var time = DateTimeOffset.UnixEpoch.AddDays(20_000);

        var ids = Enumerable.Range(0, 1000).Select(_ => RequestIds.New(time)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1000, ids.Count);
    }
}
