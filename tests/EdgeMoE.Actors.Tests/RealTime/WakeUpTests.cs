namespace EdgeMoE.Actors.Tests.RealTime;

/// <summary>
/// Rallies whose mailboxes keep running dry: every turn ends racing a sender, the interleaving where a lost wake-up
/// (a message queued while the turn releases the cell, seen by neither side) stops a pair for good.
/// </summary>
public sealed class WakeUpTests
{
    public static TheoryData<string> Setups => ["unbounded", "bounded", "back-pressure", "dedicated"];

    [Theory]
    [MemberData(nameof(Setups))]
    public async Task Rallies_with_throughput_one_never_lose_a_wake_up(string setup)
    {
        const int pairs = 8;

        // Back-pressure waits lend a stand-in thread each time, so that setup plays shorter rallies.
        var exchanges = setup == "back-pressure" ? 500 : 5_000;
        var system = ActorSystem.Create("rally", new ActorSystemSettings { Time = TimeMode.Real, Throughput = 1 });
        using var done = new CountdownEvent(2 * pairs);
        var props = Props.Create(() => new Player(exchanges, done));
        var serverProps = setup switch
        {
            "bounded" => props.WithMailbox(MailboxSettings.Bounded(4)),
            "back-pressure" => props.WithMailbox(MailboxSettings.Bounded(1, OverflowPolicy.BackPressure)),
            "dedicated" => props.WithDispatcher(DispatcherKind.DedicatedThread),
            _ => props,
        };
        for (var i = 0; i < pairs; i++)
        {
            var server = system.ActorOf(serverProps, $"server{i}");
            var receiver = system.ActorOf(props, $"receiver{i}");

            // Two balls per pair: one is usually being enqueued while the other's turn releases the cell.
            server.Tell(Player.Ball, receiver);
            server.Tell(Player.Ball, receiver);
        }

        Assert.True(done.Wait(TimeSpan.FromSeconds(60)), $"{done.CurrentCount} of {2 * pairs} players stopped receiving");
        Assert.Equal(0, system.DeadLetterCount);
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class Player(int exchanges, CountdownEvent done) : ActorBase
    {
        public static readonly object Ball = new();

        private int _hits;

        protected override void OnReceive(object message)
        {
            _hits++;
            if (_hits == exchanges)
            {
                done.Signal();
            }

            if (_hits <= exchanges)
            {
                Sender.Tell(message, Self);
            }
        }
    }
}
