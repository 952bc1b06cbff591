using EdgeMoE.Actors.Randomness;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Actors.Tests.Randomness;

public sealed class ActorSeedTests : TestKit
{
    [Fact]
    public void The_same_seed_and_name_give_the_same_numbers() =>
        Assert.Equal(Draws(ActorSeed.ForUser(5, "a").NewGenerator()), Draws(ActorSeed.ForUser(5, "a").NewGenerator()));

    [Fact]
    public void Another_name_or_seed_gives_other_numbers()
    {
        Assert.NotEqual(Draws(ActorSeed.ForUser(5, "a").NewGenerator()), Draws(ActorSeed.ForUser(5, "b").NewGenerator()));
        Assert.NotEqual(Draws(ActorSeed.ForUser(5, "a").NewGenerator()), Draws(ActorSeed.ForUser(6, "a").NewGenerator()));
    }

    [Fact]
    public void A_user_actors_stream_is_the_retired_runtimes_stream_for_its_path()
    {
        // The retired runtime seeded "/user/NAME" with ActorSeed(seed, path, incarnation 0), spelled out here.
        var seed = ActorSeed.ForUser(1, "server-3");
        Assert.Equal("/user/server-3", seed.StableName);
        var retired = StableHash.Mix64(StableHash.Mix64(1 + 0x9E3779B97F4A7C15UL) ^ StableHash.Fnv1a64("/user/server-3") ^ StableHash.Mix64(1));
        Assert.Equal(Draws(new Xoshiro256Random(retired)), Draws(seed.NewGenerator()));
    }

    [Fact]
    public void A_negative_run_seed_wraps_to_its_unsigned_value() =>
        Assert.Equal(ulong.MaxValue, ActorSeed.ForUser(-1, "client").RunSeed);

    [Fact]
    public void A_restarted_actor_draws_the_same_stream_from_the_start_again()
    {
        var probe = CreateTestProbe();
        var drawer = Sys.ActorOf(Props.Create(() => new Drawer(ActorSeed.ForUser(5, "drawer"))), "drawer");
        probe.Send(drawer, "draw");
        var first = probe.ExpectMsg<long[]>();
        probe.Send(drawer, "draw");
        var second = probe.ExpectMsg<long[]>();
        Assert.NotEqual(first, second);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => drawer.Tell(new InvalidOperationException("restart")));
        probe.Send(drawer, "draw");
        Assert.Equal(first, probe.ExpectMsg<long[]>());
    }

    [Fact]
    public void Xoshiro_is_uniform_enough_for_a_chi_square_test()
    {
        var random = new Xoshiro256Random(12345);
        var counts = new int[10];
        const int Samples = 100_000;
        for (var i = 0; i < Samples; i++)
        {
            counts[random.Next(10)]++;
        }

        var expected = Samples / 10.0;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);

        // 99.9th percentile of chi-square with 9 degrees of freedom.
        Assert.InRange(chiSquare, 0, 27.88);
        Assert.All(Enumerable.Range(0, 1000).Select(_ => random.NextDouble()), d => Assert.InRange(d, 0.0, 0.9999999999999999));
    }

    private static long[] Draws(Random random) => [.. Enumerable.Range(0, 8).Select(_ => random.NextInt64())];

    private sealed class Drawer : ReceiveActor
    {
        public Drawer(ActorSeed seed)
        {
            var random = seed.NewGenerator();
            Receive<string>(_ => Sender.Tell(Draws(random)));
            Receive<Exception>(e => throw e);
        }
    }
}
