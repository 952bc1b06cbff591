using static EdgeMoE.Actors.Tests.Probing;

namespace EdgeMoE.Actors.Tests.Systems;

/// <summary>The system-wide defaults of <see cref="ActorSystemSettings"/> (HOCON <c>edgemoe.actors</c>) reach every actor that does not choose.</summary>
public sealed class SystemDefaultsTests() : ActorTestKit(new ActorSystemSettings
{
    DefaultMailbox = MailboxSettings.Bounded(2),
    AskTimeout = TimeSpan.FromSeconds(3),
})
{
    [Fact]
    public void Actors_that_choose_no_mailbox_get_the_systems_default_mailbox()
    {
        var echo = ActorOf<Echo>("echo");
        var unbounded = ActorOf(Props.Create<Echo>().WithMailbox(MailboxSettings.Unbounded), "unbounded");
        RunUntilQuiescent();
        for (var i = 0; i < 5; i++)
        {
            echo.Tell(i, TestActor.Ref);
            unbounded.Tell(10 + i, TestActor.Ref);
        }

        Assert.Equal([0, 1, 10, 11, 12, 13, 14], TestActor.ReceiveN(7).Cast<int>().Order());
        TestActor.ExpectNoMsg();
        Assert.Equal([2, 3, 4], DeadLetters.Select(d => d.Message));
    }

    [Fact]
    public void An_ask_that_names_no_timeout_times_out_after_the_systems_ask_timeout()
    {
        var silent = ActorOf<Counter>("silent");
        var reply = silent.Ask<int>("ignored");
        Sys.RunUntil(TimeSpan.FromSeconds(2.999));
        Assert.False(reply.IsCompleted);
        Sys.RunUntil(TimeSpan.FromSeconds(3));
        var error = Assert.Throws<AggregateException>(() => reply.Wait(0));
        Assert.IsType<AskTimeoutException>(error.InnerException);
    }

    [Fact]
    public void A_system_refuses_an_ask_timeout_that_is_not_positive()
    {
        var error = Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad", new ActorSystemSettings { AskTimeout = TimeSpan.Zero }));
        Assert.Contains("AskTimeout", error.Message, StringComparison.Ordinal);
    }
}
