using static EdgeMoE.Actors.Tests.Probing;

namespace EdgeMoE.Actors.Tests.Supervision;

public sealed class SupervisionTests : ActorTestKit
{
    private IActorRef SuperviseCounters(SupervisorStrategy strategy, int children = 1) =>
        ActorOf(Props.Create(() => new Supervisor(strategy, () => Props.Create<Counter>(), children)), "supervisor");

    private IActorRef ChildOf(IActorRef supervisor, int child) => Ask<IActorRef>(supervisor, (child, (object)new WhoAreYou()));

    private int CountOf(IActorRef supervisor, int child = 0) => Ask<int>(supervisor, (child, (object)"count"));

    [Fact]
    public void Resume_keeps_the_state_of_the_failed_child()
    {
        var supervisor = SuperviseCounters(new OneForOneStrategy(decider: _ => Directive.Resume));
        supervisor.Tell("a");
        supervisor.Tell(new InvalidOperationException("boom"));
        supervisor.Tell("b");
        Assert.Equal(2, CountOf(supervisor));
        Assert.Contains(LogEntries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Exception?.Message == "boom");
    }

    [Fact]
    public void Restart_replaces_the_instance_and_loses_its_state()
    {
        var supervisor = SuperviseCounters(new OneForOneStrategy(decider: _ => Directive.Restart));
        supervisor.Tell("a");
        supervisor.Tell(new InvalidOperationException("boom"));
        supervisor.Tell("b");
        Assert.Equal(1, CountOf(supervisor));
        var error = Assert.Single(LoggedErrors);
        Assert.EndsWith("/user/supervisor/child-0", error.ActorPath);
    }

    [Fact]
    public void Restart_calls_PreRestart_on_the_old_instance_and_PostRestart_on_the_new_one()
    {
        var probe = TestActor.Ref;
        var supervisor = ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.Default, () => Props.Create(() => new Reporting(probe, "c")))));
        ExpectMsg<string>(s => s == "c:PreStart");
        supervisor.Tell(new InvalidOperationException("boom"));
        ExpectMsg<string>(s => s == "c:PreRestart:boom");
        ExpectMsg<string>(s => s == "c:PostStop");
        ExpectMsg<string>(s => s == "c:PostRestart");
        ExpectMsg<string>(s => s == "c:PreStart");
    }

    [Fact]
    public void Stop_terminates_the_failed_child_and_its_watchers_are_told()
    {
        var supervisor = SuperviseCounters(new OneForOneStrategy(decider: _ => Directive.Stop));
        var child = ChildOf(supervisor, 0);
        TestActor.Watch(child);
        supervisor.Tell(new InvalidOperationException("boom"));
        TestActor.ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_fails_the_supervisor_whose_parent_then_restarts_it_with_its_children()
    {
        var probe = TestActor.Ref;
        var inner = Props.Create(() => new Supervisor(new OneForOneStrategy(decider: _ => Directive.Escalate), () => Props.Create(() => new Reporting(probe, "leaf"))));
        var top = ActorOf(Props.Create(() => new Supervisor(SupervisorStrategy.Default, () => inner)), "top");
        ExpectMsg<string>(s => s == "leaf:PreStart");
        top.Tell(new InvalidOperationException("deep"));
        ExpectMsg<string>(s => s == "leaf:PostStop");
        ExpectMsg<string>(s => s == "leaf:PreStart");
    }

    [Fact]
    public void A_failing_actor_does_not_affect_its_siblings_under_one_for_one()
    {
        var supervisor = SuperviseCounters(SupervisorStrategy.Default, children: 2);
        supervisor.Tell((1, (object)"x"));
        supervisor.Tell((0, (object)new InvalidOperationException("boom")));
        Assert.Equal(1, CountOf(supervisor, 1));
    }

    [Fact]
    public void All_for_one_restarts_every_sibling()
    {
        var supervisor = SuperviseCounters(new AllForOneStrategy(), children: 2);
        supervisor.Tell((0, (object)"x"));
        supervisor.Tell((1, (object)"x"));
        supervisor.Tell((1, (object)"y"));
        supervisor.Tell((0, (object)new InvalidOperationException("boom")));
        Assert.Equal(0, CountOf(supervisor, 0));
        Assert.Equal(0, CountOf(supervisor, 1));
    }

    [Fact]
    public void All_for_one_stop_stops_every_sibling()
    {
        var supervisor = SuperviseCounters(new AllForOneStrategy(decider: _ => Directive.Stop), children: 2);
        var first = ChildOf(supervisor, 0);
        var second = ChildOf(supervisor, 1);
        TestActor.Watch(first);
        TestActor.Watch(second);
        supervisor.Tell((1, (object)new InvalidOperationException("boom")));
        var gone = TestActor.ReceiveN(2).Cast<Terminated>().Select(t => t.ActorRef).ToHashSet();
        Assert.Equal([first, second], gone.Order());
    }

    [Fact]
    public void More_restarts_than_allowed_within_the_window_stop_the_child()
    {
        var supervisor = SuperviseCounters(new OneForOneStrategy(maxNrOfRetries: 2, withinTimeRange: TimeSpan.FromMinutes(1)));
        var child = ChildOf(supervisor, 0);
        TestActor.Watch(child);
        supervisor.Tell(new InvalidOperationException("1"));
        supervisor.Tell(new InvalidOperationException("2"));
        TestActor.ExpectNoMsg();
        supervisor.Tell(new InvalidOperationException("3"));
        TestActor.ExpectTerminated(child);
    }

    [Fact]
    public void Restarts_outside_the_window_start_a_new_count()
    {
        var supervisor = SuperviseCounters(new OneForOneStrategy(maxNrOfRetries: 1, withinTimeRange: TimeSpan.FromSeconds(10)));
        supervisor.Tell(new InvalidOperationException("1"));
        Advance(TimeSpan.FromSeconds(11));
        supervisor.Tell(new InvalidOperationException("2"));
        Advance(TimeSpan.FromSeconds(11));
        supervisor.Tell(new InvalidOperationException("3"));
        supervisor.Tell("alive");
        Assert.Equal(1, CountOf(supervisor));
    }

    [Fact]
    public void Failure_in_the_constructor_stops_the_actor_by_default()
    {
        var failing = ActorOf(Props.Create<FailingAtStart>(), "failing");
        TestActor.Watch(failing);
        TestActor.ExpectTerminated(failing);
        Assert.Contains(LoggedErrors, e => e.Exception is ActorInitializationException);
    }

    [Fact]
    public void Kill_fails_the_actor_which_the_default_decider_stops()
    {
        var counter = ActorOf<Counter>("counter");
        TestActor.Watch(counter);
        counter.Tell(Kill.Instance);
        TestActor.ExpectTerminated(counter);
    }

    [Fact]
    public void A_failing_top_level_actor_is_restarted_by_the_user_guardian_and_the_system_keeps_running()
    {
        var counter = ActorOf<Counter>("counter");
        counter.Tell("a");
        counter.Tell(new InvalidOperationException("boom"));
        Assert.Equal(0, Ask<int>(counter, "count"));
    }

    [Fact]
    public void A_failure_escalated_to_the_user_guardian_stops_only_that_actor()
    {
        using var kit = new EscalatingGuardianKit();
        kit.Run();
    }

    private sealed class FailingAtStart : ActorBase
    {
        public FailingAtStart() => throw new InvalidOperationException("cannot start");

        protected override void OnReceive(object message)
        {
        }
    }

    private sealed class EscalatingGuardianKit()
        : ActorTestKit(new ActorSystemSettings { GuardianStrategy = new OneForOneStrategy(decider: _ => Directive.Escalate) })
    {
        public void Run()
        {
            var failing = ActorOf<Counter>("failing");
            var sibling = ActorOf<Counter>("sibling");
            TestActor.Watch(failing);
            failing.Tell(new InvalidOperationException("up"));
            TestActor.ExpectTerminated(failing);
            sibling.Tell("x");
            Assert.Equal(1, Ask<int>(sibling, "count"));
        }
    }
}
