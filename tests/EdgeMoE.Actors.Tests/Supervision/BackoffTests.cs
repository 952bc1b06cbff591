namespace EdgeMoE.Actors.Tests.Supervision;

public sealed class BackoffTests : ActorTestKit
{
    [Fact]
    public void Restarts_wait_exponentially_growing_virtual_delays()
    {
        var probe = TestActor.Ref;
        var backoff = new BackoffOptions(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(350));
        var strategy = new OneForOneStrategy(decider: _ => Directive.Restart, backoff: backoff);
        var supervisor = ActorOf(Props.Create(() => new Probing.Supervisor(strategy, () => Props.Create(() => new StartRecorder(probe)))), "supervisor");
        Assert.Equal(TimeSpan.Zero, ExpectMsg<TimeSpan>());

        var starts = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var failedAt = Sys.Now;
            supervisor.Tell("fail");
            starts.Add(ExpectMsg<TimeSpan>(timeout: TimeSpan.FromSeconds(1)) - failedAt);
        }

        // 100, 200, 400 capped at 350, 350: restart n waits min(max, min * 2^(n-1)).
        Assert.Equal([100, 200, 350, 350], starts.Select(s => s.TotalMilliseconds));
    }

    [Fact]
    public void The_child_processes_nothing_while_it_waits_for_its_restart()
    {
        var probe = TestActor.Ref;
        var strategy = new OneForOneStrategy(backoff: new BackoffOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        var supervisor = ActorOf(Props.Create(() => new Probing.Supervisor(strategy, () => Props.Create(() => new StartRecorder(probe)))));
        ExpectMsg<TimeSpan>();
        supervisor.Tell("fail");
        supervisor.Tell("echo");
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(999));
        Assert.Equal(TimeSpan.FromSeconds(1), ExpectMsg<TimeSpan>());
        Assert.Equal("echo", ExpectMsg<string>());
    }

    [Fact]
    public void Jitter_comes_from_the_supervisor_random_and_stays_within_the_factor()
    {
        var options = new BackoffOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), RandomFactor: 0.5);
        var random = new Xoshiro256Random(7);
        for (var n = 1; n <= 5; n++)
        {
            var baseline = Math.Min(10, Math.Pow(2, n - 1));
            var delay = options.DelayFor(n, random).TotalSeconds;
            Assert.InRange(delay, baseline, baseline * 1.5);
        }
    }

    private sealed class StartRecorder(IActorRef probe) : ActorBase
    {
        protected override void PreStart() => probe.Tell(Context.Now);

        protected override void OnReceive(object message)
        {
            if (message is "fail")
            {
                throw new InvalidOperationException("fail");
            }

            probe.Tell(message);
        }
    }
}
