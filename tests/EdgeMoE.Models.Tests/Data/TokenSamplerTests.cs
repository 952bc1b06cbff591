using EdgeMoE.Models.Data;
using EdgeMoE.Models.Data.Tokens;

namespace EdgeMoE.Models.Tests.Data;

public sealed class TokenSamplerTests
{
    [Fact]
    public void Slot_sizes_follow_poisson_lambda_in_mean_and_variance()
    {
        const double lambda = 39.0;
        const int slots = 20_000;
        var sampler = new TokenSampler(Labels(10, 100), 10, lambda, new Random(1));

        var sizes = Enumerable.Range(0, slots).Select(_ => (double)sampler.NextSlot().Length).ToArray();

        var mean = sizes.Average();
        var variance = sizes.Sum(s => (s - mean) * (s - mean)) / (slots - 1);
        Assert.Equal(slots, sampler.Slots);
        Assert.InRange(mean, lambda - (5 * Math.Sqrt(lambda / slots)), lambda + (5 * Math.Sqrt(lambda / slots)));
        Assert.InRange(variance, lambda * 0.95, lambda * 1.05);
    }

    [Fact]
    public void Labels_in_each_slot_are_spread_as_evenly_as_possible()
    {
        var labels = Labels(7, 50);
        var sampler = new TokenSampler(labels, 7, 23.0, new Random(2));

        for (var slot = 0; slot < 500; slot++)
        {
            var counts = new int[7];
            foreach (var index in sampler.NextSlot())
            {
                counts[labels[index]]++;
            }

            Assert.True(counts.Max() - counts.Min() <= 1, string.Join(",", counts));
        }
    }

    [Fact]
    public void Remainder_tokens_go_to_every_class_equally_often()
    {
        var labels = Labels(4, 10);
        var sampler = new TokenSampler(labels, 4, 1.0, new Random(3));
        var counts = new int[4];

        // One token per draw: it is all remainder, so its class is uniform over the four.
        for (var i = 0; i < 40_000; i++)
        {
            counts[labels[sampler.Draw(1)[0]]]++;
        }

        Assert.All(counts, n => Assert.InRange(n, 10_000 - 600, 10_000 + 600));
    }

    [Fact]
    public void A_class_pool_is_used_without_replacement_until_exhausted_then_reshuffled()
    {
        const int perClass = 13;
        var labels = Labels(3, perClass);
        var sampler = new TokenSampler(labels, 3, 5.0, new Random(4));

        // 3·13 tokens per round use each pool exactly once; several rounds must each be a permutation.
        var rounds = new List<int[]>();
        for (var round = 0; round < 4; round++)
        {
            var drawn = sampler.Draw(3 * perClass);
            Assert.Equal(Enumerable.Range(0, labels.Length), drawn.Order());
            rounds.Add(drawn);
        }

        Assert.NotEqual(rounds[0], rounds[1]);
    }

    [Fact]
    public void Draws_that_straddle_a_pool_boundary_still_repeat_no_item_within_a_round()
    {
        var labels = Labels(2, 5);
        var sampler = new TokenSampler(labels, 2, 3.0, new Random(5));
        var sequence = Enumerable.Range(0, 20).SelectMany(_ => sampler.Draw(3)).ToList();

        // Per class, consecutive windows of 5 picks (a pool's length) starting at a pool refill are permutations.
        for (var k = 0; k < 2; k++)
        {
            var picks = sequence.Where(i => labels[i] == k).ToList();
            for (var start = 0; start + 5 <= picks.Count; start += 5)
            {
                Assert.Equal(5, picks.Skip(start).Take(5).Distinct().Count());
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_slots()
    {
        var images = SyntheticImages.GaussianClusters(60, 6, 1, 2, 2, 0.1, seed: 1);
        var a = new TokenSampler(images, 12.0, new Random(6));
        var b = new TokenSampler(images, 12.0, new Random(6));

        for (var slot = 0; slot < 50; slot++)
        {
            Assert.Equal(a.NextSlot(), b.NextSlot());
        }
    }

    [Fact]
    public void Classes_without_images_take_no_part()
    {
        int[] labels = [0, 2, 2, 0, 2, 0];
        var sampler = new TokenSampler(labels, 3, 4.0, new Random(7));

        var drawn = sampler.Draw(6);

        Assert.Equal(3, drawn.Count(i => labels[i] == 0));
        Assert.Equal(3, drawn.Count(i => labels[i] == 2));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenSampler([0], 1, 0.0, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenSampler([0], 1, double.NaN, new Random(1)));
        Assert.Throws<ArgumentException>(() => new TokenSampler([], 1, 1.0, new Random(1)));
        Assert.Throws<ArgumentException>(() => new TokenSampler([1], 1, 1.0, new Random(1)));
    }

    private static int[] Labels(int classes, int perClass) =>
        [.. Enumerable.Range(0, classes * perClass).Select(i => i % classes)];
}
