using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using static Exchange.ExchangeContext.Tests.ContextSamples;

namespace Exchange.ExchangeContext.Tests;

/// <summary>The provider's memory of used one-time ids: one use each while the context lives, bounded, emptied by time.</summary>
public sealed class OneTimeIdsTests
{
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void An_id_is_accepted_once_until_its_context_expires()
    {
        var ids = new OneTimeIds(_time, 10);
        var id = RandomNumberGenerator.GetBytes(16);

        Assert.Equal(OneTimeIdUse.First, ids.TryUse(id, Now.AddSeconds(30)));
        Assert.Equal(OneTimeIdUse.Replayed, ids.TryUse(id, Now.AddSeconds(30)));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(OneTimeIdUse.Replayed, ids.TryUse(id, Now.AddSeconds(30)));
    }

    [Fact]
    public void Ids_are_forgotten_once_their_contexts_expired()
    {
        var ids = new OneTimeIds(_time, 10);
        for (var i = 0; i < 5; i++)
            ids.TryUse(RandomNumberGenerator.GetBytes(16), Now.AddSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(30));
        ids.TryUse(RandomNumberGenerator.GetBytes(16), _time.GetUtcNow().AddSeconds(30));

        Assert.Equal(1, ids.Count);
    }

    [Fact]
    public void A_full_memory_refuses_new_ids_rather_than_forgetting_live_ones()
    {
        var ids = new OneTimeIds(_time, 3);
        var first = RandomNumberGenerator.GetBytes(16);
        ids.TryUse(first, Now.AddSeconds(30));
        ids.TryUse(RandomNumberGenerator.GetBytes(16), Now.AddSeconds(30));
        ids.TryUse(RandomNumberGenerator.GetBytes(16), Now.AddSeconds(30));

        Assert.Equal(OneTimeIdUse.Full, ids.TryUse(RandomNumberGenerator.GetBytes(16), Now.AddSeconds(30)));
        Assert.Equal(OneTimeIdUse.Replayed, ids.TryUse(first, Now.AddSeconds(30)));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(OneTimeIdUse.First, ids.TryUse(RandomNumberGenerator.GetBytes(16), _time.GetUtcNow().AddSeconds(30)));
    }

    [Fact]
    public void An_id_of_the_wrong_length_is_malformed()
    {
        Assert.Equal(OneTimeIdUse.Malformed, new OneTimeIds(_time, 3).TryUse(new byte[8], Now.AddSeconds(30)));
    }
}
