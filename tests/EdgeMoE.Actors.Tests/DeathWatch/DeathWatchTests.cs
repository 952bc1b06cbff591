using static EdgeMoE.Actors.Tests.Probing;

namespace EdgeMoE.Actors.Tests.DeathWatch;

public sealed class DeathWatchTests : ActorTestKit
{
    [Fact]
    public void A_watcher_receives_Terminated_exactly_once_even_when_it_watched_twice()
    {
        var target = ActorOf<Echo>("target");
        TestActor.Watch(target);
        TestActor.Watch(target);
        Sys.Stop(target);
        TestActor.ExpectTerminated(target);
        TestActor.ExpectNoMsg(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Watching_an_actor_that_is_already_dead_delivers_Terminated_at_once()
    {
        var target = ActorOf<Echo>("target");
        Sys.Stop(target);
        RunUntilQuiescent();
        TestActor.Watch(target);
        TestActor.ExpectTerminated(target);
        TestActor.ExpectNoMsg();
    }

    [Fact]
    public void Every_watcher_is_told_once()
    {
        var target = ActorOf<Echo>("target");
        var probes = Enumerable.Range(0, 5).Select(_ => CreateTestProbe()).ToList();
        probes.ForEach(p => p.Watch(target));
        target.Tell(PoisonPill.Instance);
        foreach (var probe in probes)
        {
            probe.ExpectTerminated(target);
            probe.ExpectNoMsg();
        }
    }

    [Fact]
    public void Unwatch_before_the_death_means_no_Terminated()
    {
        var target = ActorOf<Echo>("target");
        TestActor.Watch(target);
        TestActor.Unwatch(target);
        RunUntilQuiescent();
        Sys.Stop(target);
        TestActor.ExpectNoMsg();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_Terminated_already_queued_is_dropped_when_the_watcher_unwatches_first(bool unwatch)
    {
        var echo = ActorOf<Echo>("echo");
        var watcher = ActorOf(Props.Create(() => new LateUnwatcher(echo, TestActor.Ref, unwatch)), "watcher");
        watcher.Tell("go");
        if (unwatch)
        {
            ExpectMsg<string>(s => s == "unwatched");
            ExpectNoMsg();
        }
        else
        {
            ExpectMsg<string>(s => s == "kept");
            ExpectMsg<Terminated>();
        }
    }

    [Fact]
    public void An_unhandled_Terminated_fails_the_watcher_with_a_death_pact()
    {
        var target = ActorOf<Echo>("target");
        var watcher = ActorOf(Props.Create(() => new IgnoringWatcher(target)), "watcher");
        TestActor.Watch(watcher);
        Sys.Stop(target);
        TestActor.ExpectTerminated(watcher);
        Assert.Contains(LoggedErrors, e => e.Exception is DeathPactException);
    }

    [Fact]
    public void Watching_dead_letters_delivers_Terminated()
    {
        TestActor.Watch(Sys.DeadLetters);
        TestActor.ExpectTerminated(Sys.DeadLetters);
    }

    /// <summary>Stops a watched child and, through an echo, unwatches it in the same superstep that its death arrives.</summary>
    private sealed class LateUnwatcher(IActorRef echo, IActorRef probe, bool unwatch) : ActorBase
    {
        private IActorRef? _child;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "go":
                    _child = Context.Watch(Context.ActorOf(Props.Create<Echo>(), "child"));
                    Context.Stop(_child);
                    echo.Tell("then");
                    break;
                case "then":
                    if (unwatch)
                    {
                        Context.Unwatch(_child!);
                    }

                    probe.Tell(unwatch ? "unwatched" : "kept");
                    break;
                case Terminated terminated:
                    probe.Tell(terminated);
                    break;
            }
        }
    }

    private sealed class IgnoringWatcher(IActorRef target) : ActorBase
    {
        protected override void PreStart() => Context.Watch(target);

        protected override void OnReceive(object message) => Unhandled(message);
    }
}
