using static EdgeMoE.Actors.Tests.Probing;

namespace EdgeMoE.Actors.Tests.Ask;

public sealed class AskTests : ActorTestKit
{
    [Fact]
    public void Ask_returns_the_reply()
    {
        var echo = ActorOf<Echo>("echo");
        Assert.Equal("hi", Ask<string>(echo, "hi"));
    }

    [Fact]
    public void Ask_times_out_in_virtual_time_when_no_reply_comes()
    {
        var silent = ActorOf<Counter>("silent");
        var reply = silent.Ask<int>("ignored", TimeSpan.FromSeconds(5));
        Sys.RunUntil(TimeSpan.FromSeconds(4.999));
        Assert.False(reply.IsCompleted);
        Sys.RunUntil(TimeSpan.FromSeconds(5));
        var error = Assert.Throws<AggregateException>(() => reply.Wait(0));
        Assert.IsType<AskTimeoutException>(error.InnerException);
    }

    [Fact]
    public void A_failure_status_reply_faults_the_ask_with_its_cause()
    {
        var echo = ActorOf<Echo>("echo");
        var error = Assert.Throws<InvalidOperationException>(() => Ask<int>(echo, new Status.Failure(new InvalidOperationException("no"))));
        Assert.Equal("no", error.Message);
    }

    [Fact]
    public void A_reply_of_the_wrong_type_faults_the_ask()
    {
        var echo = ActorOf<Echo>("echo");
        Assert.Throws<InvalidCastException>(() => Ask<int>(echo, "text"));
    }

    [Fact]
    public void A_late_reply_after_the_timeout_is_a_dead_letter()
    {
        var delayed = ActorOf<DelayedEcho>("delayed");
        var reply = delayed.Ask<string>("late", TimeSpan.FromSeconds(1));
        Advance(TimeSpan.FromSeconds(3));
        Assert.True(reply.IsFaulted);
        Assert.Contains(DeadLetters, d => d.Message is "late" && d.Recipient.Path.ToString().Contains("/temp/", StringComparison.Ordinal));
    }

    [Fact]
    public void Ask_works_in_real_time()
    {
        using var kit = new RealTimeKit();
        kit.AskEcho();
    }

    private sealed class DelayedEcho : ActorBase
    {
        protected override void OnReceive(object message) => Context.System.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), Sender, message, Self);
    }

    private sealed class RealTimeKit() : ActorTestKit(new ActorSystemSettings { Time = TimeMode.Real })
    {
        public void AskEcho()
        {
            var echo = ActorOf<Echo>("echo");
            Assert.Equal(42, Ask<int>(echo, 42));
        }
    }
}
