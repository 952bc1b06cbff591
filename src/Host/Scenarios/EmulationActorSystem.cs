using Akka.Actor;
using Akka.Configuration;

namespace EdgeMoE.Host.Scenarios;

/// <summary>Creates the Akka.NET actor system of one emulation: its dispatcher threads, its logging kept off stdout.</summary>
public static class EmulationActorSystem
{
    // Under the user's settings: Akka's own log stays at WARNING and never prints its configuration.
    private static readonly Config Defaults = ConfigurationFactory.ParseString("""
        akka {
          loglevel = WARNING
          log-config-on-start = off
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """);

    /// <summary>A system whose default dispatcher runs actors on exactly <paramref name="threads"/> dedicated threads.</summary>
    /// <param name="name">The system's name.</param>
    /// <param name="userAkka">Akka settings of the scenario; everything but the dispatcher size and stdout logging falls back to it.</param>
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
              actor.default-dispatcher {
                executor = fork-join-executor
                fork-join-executor {
                  parallelism-min = {{threads}}
                  parallelism-factor = 1.0
                  parallelism-max = {{threads}}
                }
              }
            }
            """);
        return fixedPart.WithFallback(userAkka).WithFallback(Defaults);
    }
}
