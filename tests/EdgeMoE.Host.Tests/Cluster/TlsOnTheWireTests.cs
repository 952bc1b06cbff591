using System.Text;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using EdgeMoE.Actors.Cluster.Tls;

namespace EdgeMoE.Host.Tests.Cluster;

public sealed class TlsOnTheWireTests
{
    private const string Marker = "edgemoe-wire-marker-5f1c9a";

    /// <summary>First byte of a TLS record carrying a handshake message (RFC 8446, section 5.1).</summary>
    private const byte TlsHandshakeRecord = 0x16;

    [Fact]
    public async Task Traffic_between_nodes_is_tls_and_shows_no_message_text()
    {
        using var scratch = new ScratchFolder();
        var (fromClients, allBytes) = await SendThroughForwarder(TlsNodes.NewCredentials(scratch, "cluster"));

        Assert.NotEmpty(fromClients);
        Assert.All(fromClients, sent => Assert.Equal(TlsHandshakeRecord, sent[0]));
        Assert.False(Contains(allBytes, Encoding.UTF8.GetBytes(Marker)), "the marker crossed the wire in clear text");
    }

    [Fact]
    public async Task Without_tls_the_forwarder_sees_the_message_text()
    {
        // The check of the test above, shown able to fail: the same exchange in plain TCP exposes the marker.
        var (fromClients, allBytes) = await SendThroughForwarder(credentials: null);

        Assert.NotEmpty(fromClients);
        Assert.NotEqual(TlsHandshakeRecord, fromClients[0][0]);
        Assert.True(Contains(allBytes, Encoding.UTF8.GetBytes(Marker)));
    }

    /// <summary>
    /// A receiver that binds one port but advertises the forwarder's, so a sender reaches it only through the
    /// forwarder; the sender delivers the marker; what the forwarder recorded is returned.
    /// </summary>
    private static async Task<(IReadOnlyList<byte[]> FromClients, byte[] AllBytes)> SendThroughForwarder(ClusterCredentials? credentials)
    {
        var receiverPort = TlsNodes.FreePort();
        await using var forwarder = new RecordingForwarder(receiverPort);
        var receiver = ClusterActorSystem.Create(
            TlsNodes.SystemName, TlsNodes.NodeConfig("remote", receiverPort, forwarder.Port), credentials);
        var sender = ClusterActorSystem.Create(TlsNodes.SystemName, TlsNodes.NodeConfig("remote"), credentials);
        try
        {
            var receiverAddress = TlsNodes.AddressOf(receiver);
            Assert.Equal(forwarder.Port, receiverAddress.Port);
            var inbox = new TestProbe(receiver, new XunitAssertions());
            sender.ActorSelection(TlsNodes.PathAt(receiverAddress, inbox.Ref)).Tell(Marker);
            inbox.ExpectMsg(Marker, TimeSpan.FromSeconds(15));
        }
        finally
        {
            await TlsNodes.TerminateAll(receiver, sender);
        }

        return ([.. forwarder.FromClients.Where(b => b.Length > 0)], forwarder.AllBytes);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
