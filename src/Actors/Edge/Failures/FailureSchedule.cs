namespace EdgeMoE.Actors.Edge.Failures;

/// <summary>
/// The scheduled failures of a run over <c>servers</c> expert servers grouped on <c>nodes</c> edge nodes (server j on
/// node j mod nodes, as the cluster places them). It answers, per server and slot, whether the server's actors are
/// alive and whether it is down (crashed or cut off), and what changes at the start of a slot: the emulation reacts
/// to the schedule at slot boundaries, so the same schedule gives the same files in one process and on a cluster.
/// </summary>
public sealed class FailureSchedule
{
    private readonly ScheduledFailure[] _failures;

    /// <param name="failures">The failures, in configuration order.</param>
    /// <param name="servers">Expert servers J (≥ 1).</param>
    /// <param name="nodes">Edge nodes the servers are spread over (≥ 1).</param>
    public FailureSchedule(IReadOnlyList<ScheduledFailure> failures, int servers, int nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(servers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nodes);
        _failures = [.. failures];
        Servers = servers;
        Nodes = nodes;
        for (var i = 0; i < _failures.Length; i++)
        {
            var f = _failures[i];
            var targets = f.Kind is FailureKind.CrashNode or FailureKind.Partition ? nodes : servers;
            if (f.Target < 0 || f.Target >= targets || f.FromSlot < 0 || f.UntilSlot <= f.FromSlot || !(f.RateFactor > 0 && f.RateFactor <= 1))
            {
                throw new ArgumentException($"failure {i} ({f}) is out of range for {servers} servers on {nodes} nodes", nameof(failures));
            }
        }
    }

    /// <summary>Expert servers J.</summary>
    public int Servers { get; }

    /// <summary>Edge nodes; server j lives on node j mod <see cref="Nodes"/>.</summary>
    public int Nodes { get; }

    /// <summary>The failures, in configuration order.</summary>
    public IReadOnlyList<ScheduledFailure> Failures => _failures;

    /// <summary>True when the schedule has no entry.</summary>
    public bool IsEmpty => _failures.Length == 0;

    /// <summary>The node server <paramref name="server"/> lives on.</summary>
    public int NodeOf(int server) => server % Nodes;

    /// <summary>The servers on node <paramref name="node"/>, ascending.</summary>
    public IEnumerable<int> ServersOn(int node) => Enumerable.Range(0, Servers).Where(j => NodeOf(j) == node);

    /// <summary>True when <paramref name="failure"/> hits server <paramref name="server"/> at all.</summary>
    public bool Hits(ScheduledFailure failure, int server) => failure.Kind is FailureKind.CrashNode or FailureKind.Partition
        ? NodeOf(server) == failure.Target
        : server == failure.Target;

    /// <summary>False while a crash (of the server or its node) covers <paramref name="slot"/>; true before slot 0.</summary>
    public bool IsAlive(int server, long slot) =>
        slot < 0 || !_failures.Any(f => f.Kind is FailureKind.CrashServer or FailureKind.CrashNode && f.Covers(slot) && Hits(f, server));

    /// <summary>True while the server is crashed or cut off in <paramref name="slot"/> (false before slot 0).</summary>
    public bool IsDown(int server, long slot) =>
        slot >= 0 && _failures.Any(f => f.Kind is not FailureKind.SlowLink && f.Covers(slot) && Hits(f, server));

    /// <summary>The product of the slow-link factors covering server <paramref name="server"/>'s link in <paramref name="slot"/>.</summary>
    public double RateFactor(int server, long slot)
    {
        var factor = 1.0;
        foreach (var f in _failures)
        {
            if (f.Kind == FailureKind.SlowLink && f.Target == server && f.Covers(slot))
            {
                factor *= f.RateFactor;
            }
        }

        return factor;
    }

    /// <summary>What changes for the servers at the start of <paramref name="slot"/>, against the slot before.</summary>
    public SlotTransitions At(long slot)
    {
        var stop = new List<int>();
        var start = new List<int>();
        var down = new List<int>();
        var rejoin = new List<int>();
        for (var j = 0; j < Servers; j++)
        {
            bool aliveBefore = IsAlive(j, slot - 1), alive = IsAlive(j, slot);
            bool downBefore = IsDown(j, slot - 1), isDown = IsDown(j, slot);
            if (aliveBefore && !alive)
            {
                stop.Add(j);
            }
            else if (!aliveBefore && alive)
            {
                start.Add(j);
            }

            if (isDown && !downBefore)
            {
                down.Add(j);
            }
            else if (!isDown && downBefore && aliveBefore)
            {
                // It survived the outage (a partition): its queue was routed elsewhere meanwhile, so it returns empty.
                rejoin.Add(j);
            }
        }

        return new SlotTransitions([.. stop], [.. start], [.. down], [.. rejoin]);
    }
}

/// <summary>The changes a schedule makes at the start of one slot, each a list of server indices, ascending.</summary>
/// <param name="Stop">Servers whose actors crash now (stopped abruptly; their queues are gone).</param>
/// <param name="Start">Servers that recover now: fresh actors with empty queues.</param>
/// <param name="Down">Servers that become unavailable now: the tokens waiting for them are routed again.</param>
/// <param name="Rejoin">Servers back from a partition: they keep weights and energy queue, their token queue is emptied.</param>
public sealed record SlotTransitions(int[] Stop, int[] Start, int[] Down, int[] Rejoin)
{
    /// <summary>True when nothing changes.</summary>
    public bool IsEmpty => Stop.Length == 0 && Start.Length == 0 && Down.Length == 0 && Rejoin.Length == 0;
}
