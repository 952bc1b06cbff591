using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Checkpoints;

namespace EdgeMoE.Host.Scenarios.Checkpoints;

/// <summary>
/// A slot's metrics in a checkpoint: the rows already written to metrics.csv (and summed into summary.json), kept so
/// that a resumed run writes those files again byte for byte. Token lists are not kept (the clock drops them too).
/// </summary>
internal static class SlotMetricsState
{
    public static void Write(StateWriter w, SlotMetrics m)
    {
        w.Long(m.Slot).Long(m.StartedAt.Ticks);
        var r = m.Router;
        w.Long(r.Slot).Int(r.Arrivals).Int(r.Processed).Double(r.TrainingLoss).Double(r.GatingConsistency).Double(r.Objective).Long(r.ArrivesAt.Ticks);
        w.Int(m.Servers.Count);
        foreach (var s in m.Servers)
        {
            w.Long(s.Slot).Int(s.Server).Bool(s.Available).Long(s.Routed).Long(s.Completed).Long(s.TokenBacklog).Double(s.EnergyBacklog)
                .Double(s.EnergyJoules).Double(s.FrequencyHz).Int(s.Trained).Long(s.ArrivesAt.Ticks);
        }

        w.Int(m.Links.Count);
        foreach (var l in m.Links)
        {
            w.Long(l.Slot).Int(l.Server).Double(l.Bits).Double(l.Joules).Long(l.ArrivesAt.Ticks);
        }

        w.Bool(m.TestAccuracy is not null).Double(m.TestAccuracy ?? 0).Bool(m.FullTestSet);
        w.Bool(m.Ledger is not null);
        if (m.Ledger is { } g)
        {
            w.Long(g.Arrivals).Long(g.Completed).Long(g.Queued).Long(g.InFlight).Long(g.Rerouted).Long(g.Lost);
        }

        w.Int(m.Lost?.Count ?? -1);
        foreach (var lost in m.Lost ?? [])
        {
            w.Ints(lost.Servers).String(lost.Where);
        }
    }

    public static SlotMetrics Read(StateReader r)
    {
        var slot = r.Long();
        var startedAt = TimeSpan.FromTicks(r.Long());
        var router = new RouterSlotReport(r.Long(), r.Int(), r.Int(), r.Double(), r.Double(), r.Double(), TimeSpan.FromTicks(r.Long()));
        var servers = new ServerSlotReport[Count(r)];
        for (var j = 0; j < servers.Length; j++)
        {
            servers[j] = new ServerSlotReport(
                r.Long(), r.Int(), r.Bool(), r.Long(), r.Long(), r.Long(), r.Double(), r.Double(), r.Double(), r.Int(), TimeSpan.FromTicks(r.Long()));
        }

        var links = new LinkSlotReport[Count(r)];
        for (var j = 0; j < links.Length; j++)
        {
            links[j] = new LinkSlotReport(r.Long(), r.Int(), r.Double(), r.Double(), TimeSpan.FromTicks(r.Long()));
        }

        var hasAccuracy = r.Bool();
        var accuracy = r.Double();
        var full = r.Bool();
        var ledger = r.Bool() ? new TokenLedger(r.Long(), r.Long(), r.Long(), r.Long(), r.Long(), r.Long()) : null;
        var lostCount = r.Int();
        if (lostCount < -1)
        {
            throw r.Corrupt($"{lostCount} is no count of lost servers");
        }

        ServersLost[]? lost = null;
        if (lostCount >= 0)
        {
            lost = new ServersLost[lostCount];
            for (var i = 0; i < lost.Length; i++)
            {
                lost[i] = new ServersLost(r.Ints(), r.String());
            }
        }

        return new SlotMetrics(slot, startedAt, router, servers, links, hasAccuracy ? accuracy : null, full, ledger, lost);
    }

    private static int Count(StateReader r)
    {
        var count = r.Int();
        return count is >= 0 and <= 1_000_000 ? count : throw r.Corrupt($"{count} is no count of servers");
    }
}
