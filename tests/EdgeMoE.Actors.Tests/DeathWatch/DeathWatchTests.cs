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

    private sealed class IgnoringWatcher(IActorRef target) : ActorBase
    {
        protected override void PreStart() => Context.Watch(target);

        protected override void OnReceive(object message) => Unhandled(message);
    }
}
