namespace EdgeMoE.Actors.Tests.Virtual;

public sealed class AsyncDeterminismTests
{
    private const int Nodes = 1000;

    [Theory]
    [InlineData(11UL)]
    [InlineData(12UL)]
    public void Async_handlers_that_compute_and_ask_give_the_same_trace_with_one_thread_and_with_many(ulong seed)
    {
        var sequential = Run(seed, parallelism: 1);
        Assert.Equal(sequential, Run(seed, parallelism: 8));
        Assert.Equal(sequential, Run(seed, parallelism: 3));
    }

    private static ulong[] Run(ulong seed, int parallelism)
    {
        var system = ActorSystem.Create("async-determinism", new ActorSystemSettings { Seed = seed, Parallelism = parallelism });
        try
        {
            var hashes = new ulong[Nodes];
            var nodes = new IActorRef[Nodes];
            for (var i = 0; i < Nodes; i++)
            {
                var index = i;
                nodes[i] = system.ActorOf(Props.Create(() => new AsyncNode(index, nodes, hashes)), $"node-{i:D4}");
            }

            for (var t = 0; t < 150; t++)
            {
                nodes[(t * 131) % Nodes].Tell(new Hop(12, (ulong)t));
            }

            system.RunUntil(TimeSpan.FromHours(1));
            return hashes;
        }
        finally
        {
            system.Terminate();
        }
    }

    private sealed record Hop(int Left, ulong Value);

    private sealed record Peek;

    /// <summary>Each hop: compute off-actor, ask a random node for its state, fold both in, forward after a random delay.</summary>
    private sealed class AsyncNode : ReceiveActor
    {
        private ulong _state;

        public AsyncNode(int index, IActorRef[] nodes, ulong[] hashes)
        {
            _state = (ulong)index;
            Receive<Peek>(_ => Sender.Tell(_state));
            ReceiveAsync<Hop>(async hop =>
            {
                var mixed = await Task.Run(() => StableHash.Mix64(hop.Value ^ (ulong)hop.Left));
                var other = nodes[Context.Random.Next(nodes.Length)];
                var peeked = other.Equals(Self) ? _state : await other.Ask<ulong>(new Peek(), TimeSpan.FromSeconds(1));
                _state = StableHash.Mix64(_state ^ mixed ^ peeked ^ (ulong)Context.Now.Ticks);
                hashes[index] = _state;
                if (hop.Left > 0)
                {
                    var next = nodes[Context.Random.Next(nodes.Length)];
                    Context.System.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(Context.Random.Next(3)), next, new Hop(hop.Left - 1, _state), Self);
                }
            });
        }
    }
}
