using Akka.Actor;
using Akka.Cluster;

namespace EdgeMoE.Actors.Cluster.Placement;

/// <summary>
/// Round-robin remote deployment over edge members: group j on member j mod N. A member crashed on purpose leaves a
/// vacancy that the next new edge member fills, so its groups move there.
/// </summary>
internal sealed class MemberEdgePlacement : EdgePlacement
{
    private readonly Address[] _members;
    private readonly List<int> _vacant = [];
    private readonly HashSet<UniqueAddress> _crashed = [];

    public MemberEdgePlacement(IReadOnlyList<Address> members)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("A cluster placement needs at least one edge member.", nameof(members));
        }

        _members = [.. members];
    }

    public override IReadOnlyList<Address> Members => _members;

    public override Props Place(Props props, int group) =>
        props.WithDeploy(Deploy.None.WithScope(new RemoteScope(MemberOf(group))));

    public override Address MemberOf(int group)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        return _members[group % _members.Length];
    }

    public override int Vacancies
    {
        get
        {
            lock (_vacant)
            {
                return _vacant.Count;
            }
        }
    }

    public override void Vacate(int group, UniqueAddress incarnation)
    {
        lock (_vacant)
        {
            var index = group % _members.Length;
            if (!_vacant.Contains(index))
            {
                _vacant.Add(index);
            }

            _crashed.Add(incarnation);
        }
    }

    public override bool IsNewcomer(UniqueAddress member)
    {
        lock (_vacant)
        {
            var placed = _members.Where((_, i) => !_vacant.Contains(i));
            return !_crashed.Contains(member) && !placed.Contains(member.Address);
        }
    }

    public override void Fill(Address member)
    {
        lock (_vacant)
        {
            if (_vacant.Count == 0)
            {
                throw new InvalidOperationException($"no vacancy for {member}");
            }

            _members[_vacant[0]] = member;
            _vacant.RemoveAt(0);
        }
    }
}
