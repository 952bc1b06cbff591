using static EdgeMoE.Actors.Tests.Probing;

namespace EdgeMoE.Actors.Tests.Lifecycle;

public sealed class LifecycleTests : ActorTestKit
{
    [Fact]
    public void PreStart_runs_before_the_first_message_and_PostStop_after_stop()
    {
        var actor = ActorOf(Props.Create(() => new Reporting(TestActor.Ref, "a")), "a");
        actor.Tell("hello");
        ExpectMsg<string>(s => s == "a:PreStart");
        ExpectMsg<string>(s => s == "a:got:hello");
        Sys.Stop(actor);
        ExpectMsg<string>(s => s == "a:PostStop");
    }

    [Fact]
    public void Stopping_a_parent_stops_its_children_first_and_PostStop_runs_after_theirs()
    {
        var parent = ActorOf(Props.Create(() => new Reporting(TestActor.Ref, "parent")), "parent");
        ExpectMsg<string>(s => s == "parent:PreStart");
        parent.Tell(new SpawnChild("c1"), TestActor.Ref);
        parent.Tell(new SpawnChild("c2"), TestActor.Ref);
        var setup = TestActor.ReceiveN(4).Cast<string>().ToHashSet();
        Assert.Equal(["c1:PreStart", "c2:PreStart", "spawned:c1", "spawned:c2"], setup.Order(StringComparer.Ordinal));
        TestActor.Watch(parent);

        Sys.Stop(parent);
        var events = TestActor.ReceiveN(4);
        Assert.Equal(["c1:PostStop", "c2:PostStop"], events.Take(2).Cast<string>().Order());
        Assert.Equal("parent:PostStop", events[2]);
        Assert.Equal(new Terminated(parent), events[3]);
    }

    [Fact]
    public void PoisonPill_stops_the_actor_after_the_messages_queued_before_it()
    {
        var actor = ActorOf(Props.Create(() => new Reporting(TestActor.Ref, "a")), "a");
        actor.Tell(1);
        actor.Tell(PoisonPill.Instance);
        actor.Tell(2);
        ExpectMsg<string>(s => s == "a:PreStart");
        ExpectMsg<string>(s => s == "a:got:1");
        ExpectMsg<string>(s => s == "a:PostStop");
        ExpectNoMsg();
        Assert.Contains(DeadLetters, d => d.Message is 2 && d.Recipient.Equals(actor));
    }

    [Fact]
    public void A_name_is_unique_among_living_siblings_and_free_again_after_termination()
    {
        var first = ActorOf<Echo>("echo");
        Assert.Throws<InvalidActorNameException>(() => ActorOf<Echo>("echo"));
        TestActor.Watch(first);
        Sys.Stop(first);
        TestActor.ExpectTerminated(first);
        var second = ActorOf<Echo>("echo");
        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second);
        second.Tell("ping", TestActor.Ref);
        ExpectMsg<string>(s => s == "ping");
    }

    [Fact]
    public void Names_starting_with_a_dollar_are_reserved_for_automatic_names()
    {
        Assert.Throws<InvalidActorNameException>(() => ActorOf<Echo>("$x"));
        var automatic = ActorOf<Echo>();
        Assert.StartsWith("$", automatic.Path.Name);
    }

    [Fact]
    public void Terminate_stops_every_actor_and_completes_WhenTerminated()
    {
        ActorOf(Props.Create(() => new Reporting(TestActor.Ref, "a")), "a");
        ExpectMsg<string>(s => s == "a:PreStart");
        var done = Sys.Terminate();
        Assert.True(done.IsCompletedSuccessfully);
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }
}
