using System.Net.Security;
using Akka.Event;
using EdgeMoE.Actors.Cluster.Tls;

namespace EdgeMoE.Host.Tests.Cluster;

public sealed class PeerValidatorTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Accepts_a_node_of_our_ca_whatever_the_system_trust_store_says()
    {
        var ours = TlsNodes.NewCredentials(_scratch, "ours");
        var accepts = ClusterTls.AcceptPeersOf(ours.Authority);
        Assert.True(accepts(ours.Node, null, "peer", SslPolicyErrors.RemoteCertificateChainErrors, NoLogger.Instance));
    }

    [Fact]
    public void Refuses_a_node_of_another_ca_and_a_peer_without_a_certificate()
    {
        var ours = TlsNodes.NewCredentials(_scratch, "ours");
        var theirs = TlsNodes.NewCredentials(_scratch, "theirs");
        var accepts = ClusterTls.AcceptPeersOf(ours.Authority);
        Assert.False(accepts(theirs.Node, null, "peer", SslPolicyErrors.None, NoLogger.Instance));
        Assert.False(accepts(null, null, "peer", SslPolicyErrors.RemoteCertificateNotAvailable, NoLogger.Instance));
    }
}
