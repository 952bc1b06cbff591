using AkkaConfig = Akka.Configuration.Config;
using HoconConfig = EdgeMoE.Hocon.Config;

namespace EdgeMoE.Host.Settings;

/// <summary>How the Akka.NET actor systems of a command are configured: the scenario's resolved <c>akka</c> section.</summary>
/// <param name="Akka">
/// The top-level <c>akka</c> section (scenario over reference.conf) as Akka's config, keys under <c>akka.</c>; a
/// command's actor system takes its own settings (e.g. the run's dispatcher) with this as the fallback.
/// </param>
public sealed record ActorRuntimeSettings(AkkaConfig Akka)
{
    /// <summary>The section of <paramref name="merged"/>, checked key by key and then by a trial start of Akka.</summary>
    /// <exception cref="Cli.BadInputException">A value Akka refuses, naming the key and <c>FILE:LINE</c>.</exception>
    internal static ActorRuntimeSettings Read(HoconConfig merged, HoconConfig reference)
    {
        var akka = AkkaSection.Read(merged);
        AkkaStartCheck.Verify(merged, reference, akka);
        return new(akka);
    }
}
