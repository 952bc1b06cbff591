using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Reports;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>No per-slot display: points run side by side, and the sweep reports one line per finished point instead.</summary>
internal sealed class SilentProgress : IRunProgress
{
    public void Show(Action body) => body();

    public void Begin(string policy, int index, int count)
    {
    }

    public void Slot(string policy, SlotMetrics slot, long cumulative)
    {
    }

    public void End(string policy, TimeSpan wall)
    {
    }
}
