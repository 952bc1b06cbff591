using System.Diagnostics;
using Akka.Actor;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>Sequential asks to an echo actor in real time; the median round trip.</summary>
internal static class AskBenchmark
{
    public static double MedianRoundTripMicroseconds(int asks)
    {
        var system = BenchActorSystem.Create("ask");
        var echo = system.ActorOf(Props.Create<EchoActor>(), "echo");
        var samples = new double[asks];
        var timeout = TimeSpan.FromSeconds(10);
        for (var i = 0; i < 1000; i++)
        {
            echo.Ask<object>(i, timeout).GetAwaiter().GetResult();
        }

        for (var i = 0; i < asks; i++)
        {
            var start = Stopwatch.GetTimestamp();
            echo.Ask<object>(i, timeout).GetAwaiter().GetResult();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        system.Terminate().Wait(timeout);
        return Timings.Median(samples);
    }

    private sealed class EchoActor : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }
}
