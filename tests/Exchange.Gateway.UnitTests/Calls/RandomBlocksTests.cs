using Exchange.Gateway.Calls;

namespace Exchange.Gateway.UnitTests.Calls;

/// <summary>Random bytes drawn a block at a time are still handed out once each: no two draws share bytes, on one thread or several.</summary>
public sealed class RandomBlocksTests
{
    [Fact]
    public void Draws_across_many_blocks_never_repeat()
    {
        // 16-byte draws over 40 blocks of 4 KiB, and draws of odd sizes that do not divide a block.
        var draws = Enumerable.Range(0, 10_000).Select(_ => Convert.ToHexString(RandomBlocks.GetBytes(16)))
            .Concat(Enumerable.Range(0, 1_000).Select(_ => Convert.ToHexString(RandomBlocks.GetBytes(10))))
            .ToList();

        Assert.Equal(draws.Count, draws.ToHashSet(StringComparer.Ordinal).Count);
        Assert.DoesNotContain(new string('0', 32), draws);
    }

    [Fact]
    public async Task Draws_on_different_threads_never_repeat()
    {
        var draws = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 2_000).Select(_ => Convert.ToHexString(RandomBlocks.GetBytes(16))).ToList())));

        var all = draws.SelectMany(d => d).ToList();
        Assert.Equal(all.Count, all.ToHashSet(StringComparer.Ordinal).Count);
    }

    [Fact]
    public void A_draw_larger_than_a_quarter_block_comes_straight_from_the_generator()
    {
        var large = RandomBlocks.GetBytes(2_000);

        Assert.Equal(2_000, large.Length);
        Assert.Contains(large, b => b != 0);
    }
}
