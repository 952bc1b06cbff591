using Akka.Event;

namespace EdgeMoE.Host.Logging;

/// <summary>
/// Akka's own lines about a lost member that EdgeMoE's one warning per lost node (MemberLossLogActor) already says:
/// the failure detector's "Marking node(s) as UNREACHABLE", the transport's "gated" warning repeated every 5 s while a
/// dead peer is retried, its "Disassociated" error with a stack trace whenever a peer's connection closes (also when
/// nodes leave at the end of a run), and the split-brain resolver's downing decision. Everything else passes,
/// including a message that could not be deserialized (it names its type).
/// </summary>
internal static class RedundantClusterWarnings
{
    // Pinned to Akka.NET 1.5.73's wording (Directory.Packages.props); a later version that rewords them only makes
    // them print again, never hides anything else.
    private static readonly string[] Phrases =
    [
        "Marking node(s) as UNREACHABLE",
        "Address is now gated",
        "SBR took decision",
    ];

    /// <summary>True when <paramref name="logEvent"/> is one of the lines above.</summary>
    public static bool Covers(LogEvent logEvent) => logEvent switch
    {
        // Akka.Remote keeps the exception type internal: known by name.
        Error { Cause: { } cause } => cause.GetType().FullName == "Akka.Remote.EndpointDisassociatedException",
        Warning => logEvent.Message?.ToString() is { } text && Phrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };
}
