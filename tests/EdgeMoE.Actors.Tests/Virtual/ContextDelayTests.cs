using System.Collections.Concurrent;
using Run = EdgeMoE.Actors.Tests.Behaviour.AsyncHandlerTests.Run;

namespace EdgeMoE.Actors.Tests.Virtual;

/// <summary><c>Context.Delay</c>: an awaitable on the system's clock, which parks a handler like an ask.</summary>
public sealed class ContextDelayTests
{
    [Fact]
    public void A_handler_resumes_from_Context_Delay_exactly_when_virtual_time_reaches_it_even_with_an_ask_in_flight()
    {
        using var run = new Run(TimeMode.Virtual);
        var (sleeper, resumed) = StartSleeper(run);
        run.System.Advance(TimeSpan.FromMilliseconds(2));
        sleeper.Tell(TimeSpan.FromMilliseconds(5));
        run.System.RunUntil(TimeSpan.FromSeconds(1));
        Assert.Equal([("delayed", TimeSpan.FromMilliseconds(7)), ("answered", TimeSpan.FromMilliseconds(7))], resumed.ToArray());
    }

    [Fact]
    public void Context_Delay_waits_on_the_wall_clock_in_real_time()
    {
        using var run = new Run(TimeMode.Real);
        var (sleeper, resumed) = StartSleeper(run);
        var start = run.System.Now;
        sleeper.Tell(TimeSpan.FromMilliseconds(50));
        run.WaitFor(() => resumed.Count == 2);
        Assert.True(resumed.First().At - start >= TimeSpan.FromMilliseconds(45));
    }

    private static (IActorRef Sleeper, ConcurrentQueue<(string Step, TimeSpan At)> Resumed) StartSleeper(Run run)
    {
        var resumed = new ConcurrentQueue<(string Step, TimeSpan At)>();
        var echo = run.System.ActorOf(Props.Create<Probing.Echo>(), "echo");
        return (run.System.ActorOf(Props.Create(() => new Sleeper(echo, resumed)), "sleeper"), resumed);
    }

    private sealed class Sleeper : ReceiveActor
    {
        public Sleeper(IActorRef echo, ConcurrentQueue<(string Step, TimeSpan At)> resumed) => ReceiveAsync<TimeSpan>(async delay =>
        {
            var echoed = echo.Ask<string>("hello", TimeSpan.FromSeconds(1));
            await Context.Delay(delay);
            resumed.Enqueue(("delayed", Context.Now));
            await echoed;
            resumed.Enqueue(("answered", Context.Now));
        });
    }
}
