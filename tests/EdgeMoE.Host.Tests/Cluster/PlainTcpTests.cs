using Akka.Actor;
using EdgeMoE.Actors.Cluster.Tls;

namespace EdgeMoE.Host.Tests.Cluster;

public sealed class PlainTcpTests
{
    [Fact]
    public async Task A_node_without_tls_can_neither_join_nor_deliver()
    {
        using var scratch = new ScratchFolder();
        var credentials = TlsNodes.NewCredentials(scratch, "cluster");
        var seed = ClusterActorSystem.Create(TlsNodes.SystemName, TlsNodes.NodeConfig(), credentials);
        var intruder = ClusterActorSystem.Create(TlsNodes.SystemName, TlsNodes.NodeConfig(), credentials: null);
        try
        {
            // The plain node speaks akka.tcp to the seed's TLS port.
            var seedAddress = TlsNodes.AddressOf(seed);
            var plainSeed = new Address("akka.tcp", seedAddress.System, seedAddress.Host, seedAddress.Port);
            await Intrusion.AssertKeptOut(seed, intruder, plainSeed);
        }
        finally
        {
            await TlsNodes.TerminateAll(seed, intruder);
        }
    }
}
