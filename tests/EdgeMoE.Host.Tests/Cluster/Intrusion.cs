using Akka.Actor;
using Akka.Cluster;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using AkkaCluster = Akka.Cluster.Cluster;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>An intruder that tries, for a while, to join a one-node cluster and to message one of its actors.</summary>
internal static class Intrusion
{
    /// <summary>
    /// Forms a cluster of <paramref name="seed"/> alone, lets <paramref name="intruder"/> join it and send to it at
    /// <paramref name="seedAsSeenByIntruder"/> for <see cref="TlsNodes.IntruderWindow"/>, and asserts nothing got in.
    /// </summary>
    public static async Task AssertKeptOut(ActorSystem seed, ActorSystem intruder, Address seedAsSeenByIntruder)
    {
        var seedAddress = TlsNodes.AddressOf(seed);
        var ups = new TestProbe(seed, new XunitAssertions());
        AkkaCluster.Get(seed).Subscribe(ups.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));
        AkkaCluster.Get(seed).Join(seedAddress);
        ups.FishForMessage<ClusterEvent.MemberUp>(up => up.Member.Address.Equals(seedAddress), TlsNodes.JoinTimeout);

        var inbox = new TestProbe(seed, new XunitAssertions());
        var target = intruder.ActorSelection(TlsNodes.PathAt(seedAsSeenByIntruder, inbox.Ref));
        AkkaCluster.Get(intruder).Join(seedAsSeenByIntruder);
        var window = TlsNodes.IntruderWindow;
        var pause = TimeSpan.FromSeconds(1);
        for (var waited = TimeSpan.Zero; waited < window; waited += pause)
        {
            // Sent again and again: the intruder's connection attempts retry within the window.
            target.Tell("let me in");
            await Task.Delay(pause);
        }

        inbox.ExpectNoMsg(TimeSpan.FromSeconds(1));
        ups.ExpectNoMsg(TimeSpan.Zero);
        Assert.Equal([seedAddress], AkkaCluster.Get(seed).State.Members.Select(m => m.Address));
        Assert.NotEqual(MemberStatus.Up, AkkaCluster.Get(intruder).SelfMember.Status);
    }
}
