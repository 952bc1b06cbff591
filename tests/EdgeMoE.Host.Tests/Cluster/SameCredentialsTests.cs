using Akka.Actor;
using Akka.Cluster;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using EdgeMoE.Actors.Cluster.Tls;
using AkkaCluster = Akka.Cluster.Cluster;

namespace EdgeMoE.Host.Tests.Cluster;

public sealed class SameCredentialsTests
{
    [Fact]
    public async Task Nodes_with_the_same_credentials_form_a_cluster_and_deliver_messages()
    {
        using var scratch = new ScratchFolder();
        var credentials = TlsNodes.NewCredentials(scratch, "cluster");
        var seed = ClusterActorSystem.Create(TlsNodes.SystemName, TlsNodes.NodeConfig(), credentials);
        var member = ClusterActorSystem.Create(TlsNodes.SystemName, TlsNodes.NodeConfig(), credentials);
        try
        {
            var seedAddress = TlsNodes.AddressOf(seed);
            var memberAddress = TlsNodes.AddressOf(member);
            Assert.Equal(ClusterTls.Protocol, seedAddress.Protocol);
            var ups = new TestProbe(seed, new XunitAssertions());
            AkkaCluster.Get(seed).Subscribe(ups.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));
            AkkaCluster.Get(seed).Join(seedAddress);
            AkkaCluster.Get(member).Join(seedAddress);
            ups.FishForMessage<ClusterEvent.MemberUp>(up => up.Member.Address.Equals(memberAddress), TlsNodes.JoinTimeout);

            var inbox = new TestProbe(seed, new XunitAssertions());
            member.ActorSelection(TlsNodes.PathAt(seedAddress, inbox.Ref)).Tell("hello over TLS");
            inbox.ExpectMsg("hello over TLS", TimeSpan.FromSeconds(15));
        }
        finally
        {
            await TlsNodes.TerminateAll(seed, member);
        }
    }
}
