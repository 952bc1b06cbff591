namespace EdgeMoE.Host.Settings;

/// <summary>The <c>edgemoe.actors</c> section: how the Akka.NET actor systems of a command behave.</summary>
/// <param name="Akka">Akka configuration every actor system of a command falls back to (empty: Akka's defaults).</param>
public sealed record ActorRuntimeSettings(Akka.Configuration.Config Akka)
{
    public const string Section = "actors";

    /// <remarks>The retired runtime's keys (time-mode, dispatcher, default-mailbox, ask-timeout) are accepted and no longer read.</remarks>
    internal static ActorRuntimeSettings Read(SettingsReader r) => new(global::Akka.Configuration.Config.Empty);
}
