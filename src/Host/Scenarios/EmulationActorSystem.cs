using Akka.Actor;
using Akka.Configuration;

namespace EdgeMoE.Host.Scenarios;

/// <summary>
/// Creates the Akka.NET actor system of one emulation: every actor under <c>/user</c> runs on <see cref="DispatcherId"/>
/// with a run's thread count, Akka's own actors stay on its default dispatcher, and its logging is kept off stdout.
/// </summary>
/// <remarks>
/// Akka.NET starts the cluster's daemon and heartbeat receiver on the default dispatcher whatever
/// <c>akka.cluster.use-dispatcher</c> says (only the heartbeat sender follows it). An emulation's handlers train and
/// evaluate for seconds, so on the default dispatcher they held heartbeat replies back by 5-13 s with three local nodes
/// on a 2-core machine, and the split-brain resolver downed healthy members.
/// </remarks>
public static class EmulationActorSystem
{
    /// <summary>The dispatcher of every EdgeMoE actor (assigned by deployment to every path under <c>/user</c>).</summary>
    public const string DispatcherId = "akka.actor.emulation-dispatcher";

    // Under the user's settings: Akka's own log stays at WARNING and never prints its configuration.
    private static readonly Config Defaults = ConfigurationFactory.ParseString("""
        akka {
          loglevel = WARNING
          log-config-on-start = off
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """);

    /// <summary>A system whose actors under <c>/user</c> run on exactly <paramref name="threads"/> dedicated threads.</summary>
    /// <param name="name">The system's name.</param>
    /// <param name="userAkka">Akka settings of the scenario; everything but the emulation dispatcher's executor and stdout logging falls back to it.</param>
    /// <param name="threads">Dispatcher threads (≥ 1); results never depend on it.</param>
    public static ActorSystem Create(string name, Config userAkka, int threads) =>
        ActorSystem.Create(name, Configuration(userAkka, threads));

    /// <summary>The whole configuration <see cref="Create"/> starts a system from (also what the settings check starts).</summary>
    /// <param name="userAkka">Akka settings of the scenario.</param>
    /// <param name="threads">Dispatcher threads (≥ 1).</param>
    public static Config Configuration(Config userAkka, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        // stdout is the tool's own output, so Akka's startup logger never writes there.
        var fixedPart = ConfigurationFactory.ParseString($$"""
            akka {
              stdout-loglevel = OFF
              actor.emulation-dispatcher {
                type = Dispatcher
                executor = fork-join-executor
                fork-join-executor {
                  parallelism-min = {{threads}}
                  parallelism-factor = 1.0
                  parallelism-max = {{threads}}
                }
              }
              # A deployment overrides the dispatcher of Props, so every actor an emulation creates runs there.
              actor.deployment {
                "/**" { dispatcher = {{DispatcherId}} }
              }
            }
            """);
        return fixedPart.WithFallback(userAkka).WithFallback(Defaults);
    }
}
