using EdgeMoE.Hocon;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// Settings that EdgeMoE no longer reads, with what replaces each: a user file that still sets one is refused
/// (rather than silently ignored), naming the key, where it was set and the replacement.
/// </summary>
internal static class RemovedKeys
{
    // The whole edgemoe.actors section went with our own actor runtime; Akka's settings now live under akka.
    private const string Actors = "edgemoe.actors";

    private static readonly (string Key, string Replacement)[] Replacements =
    [
        ($"{Actors}.time-mode", "runs are deterministic by their slot protocol; set Akka's dispatcher in the akka section (akka.actor.emulation-dispatcher)"),
        ($"{Actors}.dispatcher.throughput", "set akka.actor.emulation-dispatcher.throughput"),
        ($"{Actors}.default-mailbox", "set Akka's akka.actor.default-mailbox (e.g. mailbox-type) in the akka section"),
        ($"{Actors}.ask-timeout", "set akka.actor.ask-timeout"),
        (Actors, "Akka.NET settings go in the top-level akka section"),
    ];

    /// <exception cref="BadInputException">The first removed key set in <paramref name="merged"/>, with its replacement.</exception>
    public static void Check(Config merged)
    {
        if (!merged.HasPath(Actors))
        {
            return;
        }

        if (merged.GetValue(Actors) is not HoconObject)
        {
            throw new BadInputException($"{Actors} was removed: {Replacements[^1].Replacement} ({merged.Origin(Actors).FileAndLine})");
        }

        foreach (var (path, value) in merged.GetConfig(Actors).Leaves())
        {
            var key = HoconPath.Render(path);
            var replacement = Replacements.First(r => key == r.Key || key.StartsWith(r.Key + ".", StringComparison.Ordinal)).Replacement;
            throw new BadInputException($"{key} was removed: {replacement} ({value.Origin.FileAndLine})");
        }
    }
}
