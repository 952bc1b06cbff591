using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Remote.Transport.DotNetty;
using EdgeMoE.Actors.Cluster.Tls;

namespace EdgeMoE.Host.Tests.Cluster;

public sealed class ForeignCredentialsTests
{
    [Fact]
    public async Task A_node_with_another_clusters_credentials_can_neither_join_nor_deliver()
    {
        using var scratch = new ScratchFolder();
        var ours = TlsNodes.NewCredentials(scratch, "ours");
        var theirs = TlsNodes.NewCredentials(scratch, "theirs");
        var seed = ClusterActorSystem.Create(TlsNodes.SystemName, TlsNodes.NodeConfig(), ours);
        // The intruder trusts anyone, so only the seed's check of the intruder's certificate can keep it out.
        var trustingAnyone = new DotNettySslSetup(
            theirs.Node, suppressValidation: true, requireMutualAuthentication: true, validateCertificateHostname: false,
            customValidator: (_, _, _, _, _) => true);
        var intruder = ActorSystem.Create(
            TlsNodes.SystemName,
            BootstrapSetup.Create().WithConfig(ClusterTls.Config.WithFallback(TlsNodes.NodeConfig())).And(trustingAnyone));
        try
        {
            await Intrusion.AssertKeptOut(seed, intruder, TlsNodes.AddressOf(seed));
        }
        finally
        {
            await TlsNodes.TerminateAll(seed, intruder);
        }
    }
}
