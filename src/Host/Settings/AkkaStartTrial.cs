using Akka.Actor;
using Akka.Configuration;
using EdgeMoE.Host.Scenarios;
using AkkaConfig = Akka.Configuration.Config;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// One throw-away start of an actor system from the configuration a run starts (<see cref="EmulationActorSystem"/>),
/// with its log silenced: values Akka.NET reads only when a system starts or a dispatcher first runs (provider,
/// dispatcher type and executor, mailboxes, serializers, extensions) fail here instead of in the middle of a command.
/// </summary>
internal static class AkkaStartTrial
{
    public const string DefaultDispatcher = "akka.actor.default-dispatcher";

    public const string EmulationDispatcher = EmulationActorSystem.DispatcherId;

    public const string Extensions = "akka.extensions";

    public const string Serializers = "akka.actor.serializers";

    public const string SerializationBindings = "akka.actor.serialization-bindings";

    /// <summary>The scenario's emulation dispatcher as written, under an id of its own: a run replaces its executor, but the value must still be one Akka takes.</summary>
    public const string WrittenDispatcher = "edgemoe-settings-check.written-emulation-dispatcher";

    // Real time is right here: this waits for Akka's own threads, not for the emulation. Only a broken dispatcher waits this long.
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);

    private static readonly AkkaConfig Silence = ConfigurationFactory.ParseString("""
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          log-config-on-start = off
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """);

    /// <summary>Why Akka cannot start a run's system from <paramref name="akka"/>, or null when it starts and an actor answers on each dispatcher.</summary>
    /// <param name="akka">The <c>akka</c> section as Akka parsed it (keys under <c>akka.</c>).</param>
    /// <param name="writtenDispatcherJson">The section's <c>actor.emulation-dispatcher</c> object as JSON, or null when it sets none.</param>
    public static AkkaStartFailure? Run(AkkaConfig akka, string? writtenDispatcherJson)
    {
        var config = Silence.WithFallback(EmulationActorSystem.Configuration(akka, threads: 1));
        if (writtenDispatcherJson is not null)
        {
            config = config.WithFallback(ConfigurationFactory.ParseString($"{WrittenDispatcher} : {writtenDispatcherJson}"));
        }

        ActorSystem system;
        try
        {
            system = ActorSystem.Create("edgemoe-settings-check", config);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new AkkaStartFailure(AkkaStartFailure.Root, AkkaStartFailure.Reason(e));
        }

        try
        {
            return Answers(system, DefaultDispatcher)
                ?? Answers(system, EmulationDispatcher)
                ?? (writtenDispatcherJson is null ? null : Answers(system, WrittenDispatcher))
                ?? UnloadedExtension(akka)
                ?? UnloadedSerializer(akka, system);
        }
        finally
        {
            system.Terminate().Wait(ReplyTimeout);
        }
    }

    /// <summary>Null when an actor on dispatcher <paramref name="id"/> (with the default mailbox) replies to one message.</summary>
    /// <remarks>
    /// A system actor: the run's deployment puts every actor under <c>/user</c> on the emulation dispatcher, whatever
    /// its Props say.
    /// </remarks>
    private static AkkaStartFailure? Answers(ActorSystem system, string id)
    {
        var scope = id == WrittenDispatcher ? EmulationDispatcher : id;
        try
        {
            var echo = ((ExtendedActorSystem)system).SystemActorOf(Props.Create<Echo>().WithDispatcher(id));
            return echo.Ask<string>(id, ReplyTimeout).GetAwaiter().GetResult() == id
                ? null
                : new AkkaStartFailure(scope, "an actor on this dispatcher answered another message than the one it was sent");
        }
        catch (AskTimeoutException)
        {
            return new AkkaStartFailure(scope, $"an actor on this dispatcher did not answer within {ReplyTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new AkkaStartFailure(scope, AkkaStartFailure.Reason(e).Replace(WrittenDispatcher, EmulationDispatcher, StringComparison.Ordinal));
        }
    }

    /// <summary>Akka only logs (then skips) an extension whose type is not a loadable ExtensionId class (ActorSystemImpl.LoadExtensions, same rule).</summary>
    private static AkkaStartFailure? UnloadedExtension(AkkaConfig akka)
    {
        var names = akka.HasPath(Extensions) ? akka.GetStringList(Extensions) : [];
        return names.FirstOrDefault(name => Type.GetType(name) is not { IsClass: true, IsAbstract: false } type || !typeof(IExtensionId).IsAssignableFrom(type)) is { } bad
            ? new AkkaStartFailure(Extensions, $"\"{bad}\" is not a loadable ExtensionId type (give \"TYPE, ASSEMBLY\")")
            : null;
    }

    /// <summary>
    /// Akka only logs (then skips) a serializer or binding whose type does not load (Serialization's constructor, by
    /// Type.GetType as here), so a scenario's own entries are checked by the same rule.
    /// </summary>
    private static AkkaStartFailure? UnloadedSerializer(AkkaConfig akka, ActorSystem system)
    {
        foreach (var (name, typeName) in Entries(akka, Serializers))
        {
            if (Type.GetType(typeName) is null)
            {
                return new AkkaStartFailure($"{Serializers}.{AkkaStartFailure.Key(name)}", $"serializer type \"{typeName}\" does not load (give \"TYPE, ASSEMBLY\")");
            }
        }

        var serializers = Entries(system.Settings.Config, Serializers).Where(s => Type.GetType(s.Value) is not null).Select(s => s.Key).ToHashSet();
        foreach (var (typeName, serializer) in Entries(akka, SerializationBindings))
        {
            var key = $"{SerializationBindings}.{AkkaStartFailure.Key(typeName)}";
            if (Type.GetType(typeName) is null)
            {
                return new AkkaStartFailure(key, $"message type \"{typeName}\" does not load (give \"TYPE, ASSEMBLY\")");
            }

            if (!serializers.Contains(serializer))
            {
                return new AkkaStartFailure(key, $"no serializer named \"{serializer}\" (one of {string.Join(", ", serializers.Order(StringComparer.Ordinal))})");
            }
        }

        return null;
    }

    private static IEnumerable<KeyValuePair<string, string>> Entries(AkkaConfig config, string path) =>
        config.HasPath(path)
            ? config.GetConfig(path).AsEnumerable().Select(e => KeyValuePair.Create(e.Key, e.Value.GetString()))
            : [];

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message => Sender.Tell(message));
    }
}
