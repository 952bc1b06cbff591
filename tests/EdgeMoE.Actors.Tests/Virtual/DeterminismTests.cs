namespace EdgeMoE.Actors.Tests.Virtual;

public sealed class DeterminismTests
{
    private const int Nodes = 1200;
    private const int Tokens = 400;
    private const int Hops = 25;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void A_randomised_run_gives_the_same_trace_with_one_thread_and_with_many(ulong seed)
    {
        var sequential = Run(seed, parallelism: 1);
        var parallel = Run(seed, parallelism: 8);
        Assert.Equal(sequential.Hashes, parallel.Hashes);
        Assert.Equal(sequential.End, parallel.End);
        Assert.Equal(sequential.Messages, parallel.Messages);
        Assert.Equal(Tokens * (Hops + 1), sequential.Messages);
    }

    [Fact]
    public void Different_seeds_give_different_traces()
    {
        Assert.NotEqual(Run(1, parallelism: 4).Hashes, Run(2, parallelism: 4).Hashes);
    }

    private static (ulong[] Hashes, TimeSpan End, long Messages) Run(ulong seed, int parallelism)
    {
        var system = ActorSystem.Create("determinism", new ActorSystemSettings { Seed = seed, Parallelism = parallelism });
        try
        {
            var hashes = new ulong[Nodes];
            var counts = new long[Nodes];
            var nodes = new IActorRef[Nodes];
            for (var i = 0; i < Nodes; i++)
            {
                var index = i;
                nodes[i] = system.ActorOf(Props.Create(() => new Node(index, nodes, hashes, counts)), $"node-{i:D4}");
            }

            for (var t = 0; t < Tokens; t++)
            {
                nodes[(t * 7919) % Nodes].Tell(new Token(Hops, (ulong)t));
            }

            system.RunUntil(TimeSpan.FromHours(1));
            return (hashes, system.Now, counts.Sum());
        }
        finally
        {
            system.Terminate();
        }
    }

    private sealed record Token(int HopsLeft, ulong Value);

    /// <summary>Folds every message into an order-sensitive hash and forwards a token to a random node, often after a random delay.</summary>
    private sealed class Node(int index, IActorRef[] nodes, ulong[] hashes, long[] counts) : ActorBase
    {
        private ulong _state = (ulong)index;

        protected override void OnReceive(object message)
        {
            var token = (Token)message;
            var senderHash = StableHash.Fnv1a64(Sender.Path.ToStringWithoutAddress());
            _state = StableHash.Mix64(_state ^ token.Value ^ senderHash ^ (ulong)Context.Now.Ticks);
            hashes[index] = _state;
            counts[index]++;
            if (token.HopsLeft == 0)
            {
                return;
            }

            var next = nodes[Context.Random.Next(nodes.Length)];
            var forward = new Token(token.HopsLeft - 1, _state ^ (ulong)Context.Random.NextInt64());
            var delay = Context.Random.Next(4);
            if (delay == 0)
            {
                next.Tell(forward, Self);
            }
            else
            {
                Context.System.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(delay), next, forward, Self);
            }
        }
    }
}
