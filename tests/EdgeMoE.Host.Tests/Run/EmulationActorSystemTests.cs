using Akka.Actor;
using Akka.Configuration;
using EdgeMoE.Host.Scenarios;

namespace EdgeMoE.Host.Tests.Run;

public sealed class EmulationActorSystemTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public async Task The_emulation_dispatcher_runs_actors_on_the_given_number_of_threads_and_never_more(int threads)
    {
        // Akka's dedicated pool wakes at most one sleeping thread per core at a time, so blocked actors meet only up
        // to the core count; actors that never block, like ours, keep all threads busy from the shared queue.
        var together = Math.Min(threads, Environment.ProcessorCount);
        Assert.True(await MeetAtOnce(threads, together, TimeSpan.FromSeconds(20)), $"{together} actors could not all run at once on {threads} threads");
        Assert.False(await MeetAtOnce(threads, threads + 1, TimeSpan.FromMilliseconds(200)), $"{threads + 1} actors ran at once on {threads} threads");
    }

    [Fact]
    public async Task User_settings_apply_but_akka_never_logs_to_stdout()
    {
        var user = ConfigurationFactory.ParseString("akka { loglevel = ERROR, stdout-loglevel = INFO }");
        var system = EmulationActorSystem.Create("settings", user, 1);
        try
        {
            Assert.Equal("ERROR", system.Settings.Config.GetString("akka.loglevel"));
            Assert.Equal("OFF", system.Settings.Config.GetString("akka.stdout-loglevel"));
            Assert.False(system.Settings.Config.GetBoolean("akka.log-config-on-start"));
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>True when <paramref name="actors"/> actors, each holding its thread at a barrier, all reach it within <paramref name="patience"/>.</summary>
    private static async Task<bool> MeetAtOnce(int threads, int actors, TimeSpan patience)
    {
        var system = EmulationActorSystem.Create("threads", Akka.Configuration.Config.Empty, threads);
        try
        {
            using var barrier = new Barrier(actors);
            var results = Enumerable.Range(0, actors).Select(_ => new TaskCompletionSource<bool>()).ToArray();
            for (var i = 0; i < actors; i++)
            {
                var result = results[i];
                system.ActorOf(Props.Create(() => new BarrierActor(barrier, patience, result)));
            }

            return (await Task.WhenAll(results.Select(r => r.Task))).All(met => met);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class BarrierActor : ReceiveActor
    {
        public BarrierActor(Barrier barrier, TimeSpan patience, TaskCompletionSource<bool> result)
        {
            // Blocks its dispatcher thread on purpose: a pool of N threads lets at most N actors wait together.
            result.SetResult(barrier.SignalAndWait(patience));
        }
    }
}
