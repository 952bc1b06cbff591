using System.Reflection;
using Akka.Actor;
using Akka.Remote;

namespace EdgeMoE.Actors.Cluster.Membership;

/// <summary>
/// Stops an actor system the way a crashed machine stops: its remoting port refuses connections before anything else
/// goes, then the system terminates without leaving the cluster.
/// <para>
/// Why not just <see cref="ActorSystem.Terminate"/>: Akka.Remote's DotNetty transport closes its connections before
/// its listening socket, and peers reconnect at once. Such a connection is accepted and then closed in the middle of
/// its TLS handshake, and Akka.NET (1.5.55 and later) answers any client-side TLS handshake failure by running
/// CoordinatedShutdown on the healthy peer (exit reason 79). Measured here: the staying edge member of a three-member
/// cluster shut itself down that way, and the split-brain resolver then downed every member, the coordinator too. A
/// closed port gives "connection refused" instead, which Akka treats as an ordinary unreachable peer.
/// </para>
/// </summary>
public static class AbruptStop
{
    /// <summary>Closes <paramref name="system"/>'s remoting listener, then terminates it (no leave, no handoff).</summary>
    /// <returns>Completes when the system has terminated.</returns>
    /// <exception cref="InvalidOperationException">The system has remoting whose listener this Akka.NET version hides elsewhere.</exception>
    public static Task Crash(ActorSystem system)
    {
        CloseListeners(system);
        return system.Terminate();
    }

    /// <summary>
    /// Closes every listening socket of <paramref name="system"/>'s remoting (none without remoting): new connections
    /// are refused, the ones already open and the system itself go on.
    /// </summary>
    /// <exception cref="InvalidOperationException">This Akka.NET version hides the listener elsewhere.</exception>
    public static void CloseListeners(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        foreach (var listener in Listeners(system))
        {
            // The listener's own event loop closes it; waiting bounds the window in which it still accepts.
            listener.Wait(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>Starts closing every listening socket of the system's remoting.</summary>
    private static List<Task> Listeners(ActorSystem system)
    {
        if (system is not ExtendedActorSystem { Provider: IRemoteActorRefProvider { Transport: { } remoting } })
        {
            return [];
        }

        // Remoting -> its transports (protocol adapters over DotNetty) -> the DotNetty transport's server channel.
        var mapping = Field(remoting, "_transportMapping") as System.Collections.IDictionary
            ?? throw Changed("Remoting._transportMapping");
        var closing = new List<Task>();
        foreach (var pairs in mapping.Values)
        {
            foreach (var pair in (System.Collections.IEnumerable)pairs!)
            {
                var transport = pair!.GetType().GetProperty("ProtocolTransport")?.GetValue(pair) ?? throw Changed("ProtocolTransportAddressPair.ProtocolTransport");
                while (Field(transport, "WrappedTransport") is { } wrapped)
                {
                    transport = wrapped;
                }

                if (Field(transport, "ServerChannel") is not { } channel)
                {
                    throw Changed(transport.GetType().Name + ".ServerChannel");
                }

                var close = channel.GetType().GetMethod("CloseAsync", Type.EmptyTypes) ?? throw Changed("IChannel.CloseAsync()");
                closing.Add((Task)close.Invoke(channel, null)!);
            }
        }

        return closing;
    }

    private static object? Field(object owner, string name)
    {
        for (var type = owner.GetType(); type is not null; type = type.BaseType)
        {
            if (type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is { } field)
            {
                return field.GetValue(owner);
            }
        }

        return null;
    }

    private static InvalidOperationException Changed(string what) =>
        new($"cannot close the remoting listener before a crash: Akka.Remote no longer has {what} (pinned version changed?)");
}
