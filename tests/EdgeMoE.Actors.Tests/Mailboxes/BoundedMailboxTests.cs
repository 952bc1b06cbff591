using static EdgeMoE.Actors.Tests.Probing;

namespace EdgeMoE.Actors.Tests.Mailboxes;

public sealed class BoundedMailboxTests : ActorTestKit
{
    [Fact]
    public void Drop_newest_sends_the_overflow_to_dead_letters()
    {
        var echo = ActorOf(Props.Create<Echo>().WithMailbox(MailboxSettings.Bounded(3)), "bounded");
        RunUntilQuiescent();
        for (var i = 0; i < 10; i++)
        {
            echo.Tell(i, TestActor.Ref);
        }

        Assert.Equal([0, 1, 2], TestActor.ReceiveN(3));
        TestActor.ExpectNoMsg();
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], DeadLetters.Select(d => d.Message));
    }

    [Fact]
    public void Back_pressure_in_virtual_time_keeps_messages_in_flight_until_there_is_room()
    {
        var echo = ActorOf(Props.Create<Echo>().WithMailbox(MailboxSettings.Bounded(2, OverflowPolicy.BackPressure)), "bounded");
        RunUntilQuiescent();
        for (var i = 0; i < 10; i++)
        {
            echo.Tell(i, TestActor.Ref);
        }

        Assert.Equal(Enumerable.Range(0, 10).Cast<object>(), TestActor.ReceiveN(10));
        AssertNoDeadLetters();
    }

    [Fact]
    public void System_messages_overtake_queued_user_messages()
    {
        var actor = ActorOf(Props.Create(() => new Reporting(TestActor.Ref, "a")), "a");
        ExpectMsg<string>(s => s == "a:PreStart");
        for (var i = 0; i < 100; i++)
        {
            actor.Tell(i);
        }

        Sys.Stop(actor);
        ExpectMsg<string>(s => s == "a:PostStop");
        ExpectNoMsg();
        Assert.Equal(100, DeadLetters.Count);
    }
}
