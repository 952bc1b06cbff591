using Akka.Actor;
using Akka.Cluster;

namespace EdgeMoE.Actors.Cluster.Membership;

/// <summary>The edge members of a cluster in the order placement uses: up, with the edge role, sorted by address.</summary>
public static class EdgeMembers
{
    /// <summary>The up edge members of <paramref name="members"/>, ordered by Akka's address ordering (host, then port).</summary>
    public static IReadOnlyList<Address> Up(IEnumerable<Member> members) =>
        [.. members
            .Where(m => m.Status == MemberStatus.Up && m.HasRole(ClusterRoles.Edge))
            .Select(m => m.Address)
            .Order(Member.AddressOrdering)];
}
