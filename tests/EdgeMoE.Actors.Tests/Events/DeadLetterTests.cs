using static EdgeMoE.Actors.Tests.Probing;

namespace EdgeMoE.Actors.Tests.Events;

public sealed class DeadLetterTests : ActorTestKit
{
    [Fact]
    public void Dead_letters_are_published_when_the_target_is_stopped()
    {
        var echo = ActorOf<Echo>("echo");
        Sys.Stop(echo);
        RunUntilQuiescent();
        echo.Tell("too late", TestActor.Ref);
        var letter = Assert.Single(DeadLetters);
        Assert.Equal(new DeadLetter("too late", TestActor.Ref, echo), letter);
    }

    [Fact]
    public void Messages_still_queued_when_an_actor_stops_become_dead_letters()
    {
        var counter = ActorOf<Counter>("counter");
        RunUntilQuiescent();
        counter.Tell(PoisonPill.Instance);
        counter.Tell("a");
        counter.Tell("b");
        Assert.Equal(["a", "b"], DeadLetters.Select(d => d.Message));
    }

    [Fact]
    public void A_reply_to_no_sender_is_a_dead_letter()
    {
        var echo = ActorOf<Echo>("echo");
        echo.Tell("nobody asked");
        Assert.Contains(DeadLetters, d => d.Message is "nobody asked");
    }

    [Fact]
    public void The_event_stream_delivers_by_type_to_subscribers()
    {
        var numbers = CreateTestProbe();
        var everything = CreateTestProbe();
        Sys.EventStream.Subscribe(numbers.Ref, typeof(int));
        Sys.EventStream.Subscribe(everything.Ref, typeof(object));
        Sys.EventStream.Publish(7);
        Sys.EventStream.Publish("seven");
        numbers.ExpectMsg(7);
        numbers.ExpectNoMsg();
        Assert.Equal([7, "seven"], everything.ReceiveN(2));
        Assert.True(Sys.EventStream.Unsubscribe(numbers.Ref));
        Sys.EventStream.Publish(8);
        numbers.ExpectNoMsg();
    }

    [Fact]
    public void Unhandled_messages_are_published()
    {
        var actor = ActorOf(Props.Create(() => new Picky()), "picky");
        actor.Tell(3.5);
        var unhandled = Assert.Single(UnhandledMessages);
        Assert.Equal(3.5, unhandled.Message);
    }

    private sealed class Picky : ReceiveActor
    {
        public Picky() => Receive<int>(_ => { });
    }
}
