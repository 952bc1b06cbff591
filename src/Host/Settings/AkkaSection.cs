using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using EdgeMoE.Hocon;
using EdgeMoE.Hocon.Rendering;
using EdgeMoE.Host.Cli;
using AkkaConfig = Akka.Configuration.Config;
using AkkaLogging = Akka.Event.Logging;
using HoconConfig = EdgeMoE.Hocon.Config;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// The top-level <c>akka</c> section of a scenario: resolved by our HOCON library (Akka's parser fails 11 of our 32
/// conformance cases), rendered as JSON and handed to Akka.NET. Its keys are Akka's and pass through unchecked,
/// except the ones EdgeMoE relies on, which Akka itself must be able to read.
/// </summary>
internal static class AkkaSection
{
    public const string Root = "akka";

    private const string LogLevels = "one of OFF, ERROR, WARNING, INFO, DEBUG";

    private const string Loggers = "a list of Akka logger types that load, as \"TYPE, ASSEMBLY\"";

    /// <summary>The <c>akka</c> section of <paramref name="merged"/> as Akka's config (empty when there is none).</summary>
    /// <exception cref="BadInputException">A value Akka cannot read, naming the key and <c>FILE:LINE</c>.</exception>
    public static AkkaConfig Read(HoconConfig merged)
    {
        if (!merged.HasPath(Root))
        {
            return AkkaConfig.Empty;
        }

        var section = merged.GetConfig(Root);
        var akka = Parse(section);
        var check = new AkkaKeyCheck(section, akka);
        check.Key("loglevel", LogLevels, (c, k) => Readable(AkkaLogging.LogLevelFor(c.GetString(k))));
        check.Key("stdout-loglevel", LogLevels, (c, k) => Readable(AkkaLogging.LogLevelFor(c.GetString(k))));
        check.Key("loggers", Loggers, (c, k) => section.GetValue("loggers") is HoconArray list && list.All(v => v is HoconString) && c.GetStringList(k).All(IsLoggerType));
        check.Key("log-config-on-start", "on or off", (c, k) => Readable(c.GetBoolean(k)));
        check.Key("log-dead-letters", "on, off or a count of dead letters to log (>= 0)", (c, k) => IsDeadLetterSetting(c.GetString(k)));
        check.Key("log-dead-letters-during-shutdown", "on or off", (c, k) => Readable(c.GetBoolean(k)));
        check.Key("logger-startup-timeout", "a duration > 0 such as 5s", (c, k) => c.GetTimeSpan(k) > TimeSpan.Zero);
        check.Key("actor.ask-timeout", "a duration > 0 such as 5s, or infinite", (c, k) => c.GetTimeSpan(k) is var t && (t > TimeSpan.Zero || t == Timeout.InfiniteTimeSpan));
        check.Key("actor.default-dispatcher.throughput", "a whole number >= 1", (c, k) => c.GetInt(k) >= 1);
        check.Key("actor.emulation-dispatcher.throughput", "a whole number >= 1", (c, k) => c.GetInt(k) >= 1);
        return akka;
    }

    /// <summary>Akka's parse of the rendered section; on failure, the first leaf Akka cannot parse is named.</summary>
    private static AkkaConfig Parse(HoconConfig section)
    {
        try
        {
            return ConfigurationFactory.ParseString($"{Root} : {section.ToJson()}");
        }
        catch (Exception e) when (e is ConfigurationException or FormatException or ArgumentException or InvalidOperationException)
        {
            foreach (var (path, value) in section.Leaves())
            {
                var key = HoconPath.Render(path);
                if (!ParsesAlone(key, value))
                {
                    throw new BadInputException($"{key}: Akka cannot parse {value.Describe()} ({value.Origin.FileAndLine})");
                }
            }

            throw new BadInputException($"{Root}: Akka cannot parse this section ({section.Root.Origin.FileAndLine}): {e.Message}");
        }
    }

    private static bool ParsesAlone(string key, HoconValue value)
    {
        try
        {
            ConfigurationFactory.ParseString($"{key} : {JsonRenderer.Render(value, indented: false)}");
            return true;
        }
        catch (Exception e) when (e is ConfigurationException or FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    // These keys are valid exactly when Akka's reader returns (Logging.LogLevelFor throws on all but its five levels).
    private static bool Readable<T>(T _) => true;

    // Akka loads each logger with Type.GetType from its own assembly (so "Akka.Event.DefaultLogger" needs no
    // assembly name) and runs it as an actor unless it is a MinimalLogger (LoggingBus.StartDefaultLoggers).
    private static bool IsLoggerType(string name) =>
        (Type.GetType(name) ?? typeof(ActorBase).Assembly.GetType(name)) is { } type &&
        (typeof(ActorBase).IsAssignableFrom(type) || typeof(MinimalLogger).IsAssignableFrom(type));

    // Akka reads log-dead-letters as on/off (lower case only) or a count (Akka.Actor.Settings).
    private static bool IsDeadLetterSetting(string value) =>
        value is "on" or "true" or "yes" or "off" or "false" or "no" ||
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
