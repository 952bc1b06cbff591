using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace EdgeMoE.Actors.Cluster.Membership;

/// <summary>
/// One warning line per lost member, naming it and what the emulation was doing (<c>progress</c>, e.g. "slot 13 of
/// stable-moe"), in place of Akka's repeated association errors. A member counts as lost when it becomes unreachable
/// or is removed without having left; a member that leaves gracefully is not reported.
/// </summary>
public sealed class MemberLossLogActor : ReceiveActor
{
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly HashSet<Address> _reported = [];

    public MemberLossLogActor(Func<string> progress)
    {
        var log = Context.GetLogger();
        void Report(Member member, string what)
        {
            if (_reported.Add(member.Address))
            {
                var roles = string.Join("/", member.Roles.Order(StringComparer.Ordinal));
                log.Warning("{0} node {1} {2} ({3})", roles, member.Address, what, progress());
            }
        }

        Receive<ClusterEvent.UnreachableMember>(e => Report(e.Member, "is unreachable"));
        Receive<ClusterEvent.MemberRemoved>(e =>
        {
            if (e.PreviousStatus is not (MemberStatus.Exiting or MemberStatus.Leaving))
            {
                Report(e.Member, "was removed from the cluster");
            }
        });
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
    }

    /// <summary>Props of the logger (see the constructor).</summary>
    public static Props Props(Func<string> progress) => Akka.Actor.Props.Create(() => new MemberLossLogActor(progress));

    protected override void PreStart() => _cluster.Subscribe(
        Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberRemoved));

    protected override void PostStop() => _cluster.Unsubscribe(Self);
}
