namespace EdgeMoE.Actors.Tests.Randomness;

public sealed class ActorRandomTests
{
    [Fact]
    public void The_same_seed_and_path_give_the_same_numbers_in_separate_systems()
    {
        Assert.Equal(DrawsOf(seed: 5, name: "a"), DrawsOf(seed: 5, name: "a"));
    }

    [Fact]
    public void Another_path_or_seed_gives_other_numbers()
    {
        Assert.NotEqual(DrawsOf(seed: 5, name: "a"), DrawsOf(seed: 5, name: "b"));
        Assert.NotEqual(DrawsOf(seed: 5, name: "a"), DrawsOf(seed: 6, name: "a"));
    }

    [Fact]
    public void A_restarted_actor_gets_a_fresh_but_reproducible_generator()
    {
        var first = DrawsOf(seed: 5, name: "a", restartFirst: true);
        Assert.Equal(first, DrawsOf(seed: 5, name: "a", restartFirst: true));
        Assert.NotEqual(first, DrawsOf(seed: 5, name: "a"));
    }

    [Fact]
    public void Xoshiro_is_uniform_enough_for_a_chi_square_test()
    {
        var random = new Xoshiro256Random(12345);
        var counts = new int[10];
        const int Draws = 100_000;
        for (var i = 0; i < Draws; i++)
        {
            counts[random.Next(10)]++;
        }

        var expected = Draws / 10.0;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);

        // 99.9th percentile of chi-square with 9 degrees of freedom.
        Assert.InRange(chiSquare, 0, 27.88);
        Assert.All(Enumerable.Range(0, 1000).Select(_ => random.NextDouble()), d => Assert.InRange(d, 0.0, 0.9999999999999999));
    }

    private static long[] DrawsOf(ulong seed, string name, bool restartFirst = false)
    {
        var system = ActorSystem.Create("rng", new ActorSystemSettings { Seed = seed });
        try
        {
            var actor = system.ActorOf<Drawer>(name);
            if (restartFirst)
            {
                actor.Tell(new InvalidOperationException("restart"));
            }

            var draws = actor.Ask<long[]>("draw", TimeSpan.FromSeconds(1));
            system.RunUntil(TimeSpan.FromSeconds(1), () => draws.IsCompleted);
            return draws.Result;
        }
        finally
        {
            system.Terminate();
        }
    }

    private sealed class Drawer : ActorBase
    {
        protected override void OnReceive(object message)
        {
            if (message is Exception error)
            {
                Context.Random.Next();
                throw error;
            }

            Sender.Tell(Enumerable.Range(0, 8).Select(_ => Context.Random.NextInt64()).ToArray());
        }
    }
}
