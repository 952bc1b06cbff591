using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Reports;

/// <summary>
/// Writes metrics.csv and summary.json for policies that run at the same time, in the scenario's policy order, so
/// the files do not depend on which policy finishes first. The first unfinished policy streams its rows slot by slot
/// (a crash keeps them); the rows of a policy further down wait in memory until every policy before it finished.
/// </summary>
public sealed class PolicyOrderedOutputs
{
    private readonly Lock _lock = new();
    private readonly MetricsCsv _csv;
    private readonly Action<IReadOnlyList<PolicySummary>> _writeSummary;
    private readonly List<(SlotMetrics Slot, long Cumulative)>[] _waiting;
    private readonly PolicySummary?[] _summaries;
    private readonly string[] _names;
    private int _head;

    /// <summary>Outputs for <paramref name="policies"/>, in that order.</summary>
    /// <param name="csv">The open metrics.csv.</param>
    /// <param name="policies">Policy names in report order.</param>
    /// <param name="writeSummary">Rewrites summary.json with the finished policies, in report order.</param>
    public PolicyOrderedOutputs(MetricsCsv csv, IReadOnlyList<string> policies, Action<IReadOnlyList<PolicySummary>> writeSummary)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _csv = csv;
        _writeSummary = writeSummary;
        _names = [.. policies];
        _waiting = [.. policies.Select(_ => new List<(SlotMetrics, long)>())];
        _summaries = new PolicySummary?[policies.Count];
    }

    /// <summary>The finished policies' summaries, in report order.</summary>
    public IReadOnlyList<PolicySummary> Summaries
    {
        get
        {
            lock (_lock)
            {
                return [.. _summaries.OfType<PolicySummary>()];
            }
        }
    }

    /// <summary>Policy <paramref name="policy"/> (an index into the report order) finished a slot.</summary>
    public void Slot(int policy, SlotMetrics slot, long cumulative)
    {
        lock (_lock)
        {
            if (policy == _head)
            {
                _csv.Append(_names[policy], slot, cumulative);
            }
            else
            {
                _waiting[policy].Add((slot, cumulative));
            }
        }
    }

    /// <summary>Policy <paramref name="policy"/> finished: its summary joins summary.json, and waiting rows move up.</summary>
    public void Finished(int policy, PolicySummary summary)
    {
        lock (_lock)
        {
            _summaries[policy] = summary;
            while (_head < _names.Length && _summaries[_head] is not null)
            {
                _head++;
                if (_head < _names.Length)
                {
                    Flush(_head);
                }
            }

            _writeSummary([.. _summaries.OfType<PolicySummary>()]);
        }
    }

    /// <summary>After a failure: writes the rows of every finished policy still waiting, in report order.</summary>
    public void FlushFinished()
    {
        lock (_lock)
        {
            for (var p = _head + 1; p < _names.Length; p++)
            {
                if (_summaries[p] is not null)
                {
                    Flush(p);
                }
            }
        }
    }

    private void Flush(int policy)
    {
        foreach (var (slot, cumulative) in _waiting[policy])
        {
            _csv.Append(_names[policy], slot, cumulative);
        }

        _waiting[policy].Clear();
    }
}
