using EdgeMoE.Actors.Runtime;

namespace EdgeMoE.Host.Settings;

/// <summary>The <c>edgemoe.actors</c> section: how the actor systems of a command behave.</summary>
/// <param name="Time">Virtual (reproducible) or real (wall-clock) time.</param>
/// <param name="Throughput">Messages an actor processes per turn before yielding its thread (≥ 1).</param>
/// <param name="DefaultMailbox">The mailbox of actors that choose none.</param>
/// <param name="AskTimeout">Timeout of an ask that names none (&gt; 0).</param>
public sealed record ActorRuntimeSettings(TimeMode Time, int Throughput, MailboxSettings DefaultMailbox, TimeSpan AskTimeout)
{
    public const string Section = "actors";

    /// <summary>Actor-system settings with these values; the caller adds seed, parallelism and supervision.</summary>
    public ActorSystemSettings ToSystemSettings() => new()
    {
        Time = Time,
        Throughput = Throughput,
        DefaultMailbox = DefaultMailbox,
        AskTimeout = AskTimeout,
    };

    internal static ActorRuntimeSettings Read(SettingsReader r)
    {
        var time = r.OneOf("time-mode", ["virtual", "real"]) == "real" ? TimeMode.Real : TimeMode.Virtual;
        var throughput = r.Int("dispatcher.throughput", min: 1);
        var mailbox = r.OneOf("default-mailbox.type", ["unbounded", "bounded"]) == "bounded"
            ? MailboxSettings.Bounded(
                r.Int("default-mailbox.capacity", min: 1),
                r.OneOf("default-mailbox.overflow", ["drop-newest", "back-pressure"]) == "back-pressure" ? OverflowPolicy.BackPressure : OverflowPolicy.DropNewest)
            : MailboxSettings.Unbounded;
        return new ActorRuntimeSettings(time, throughput, mailbox, r.PositiveDuration("ask-timeout"));
    }
}
