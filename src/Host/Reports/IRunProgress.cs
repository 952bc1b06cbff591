using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Reports;

/// <summary>How a run shows its progress on stderr (bars on a terminal, plain lines otherwise).</summary>
public interface IRunProgress
{
    /// <summary>Runs <paramref name="body"/> (all policies) inside the display.</summary>
    void Show(Action body);

    /// <summary>A policy starts (<paramref name="index"/> of <paramref name="count"/>).</summary>
    void Begin(string policy, int index, int count);

    /// <summary>A slot of <paramref name="policy"/> finished.</summary>
    void Slot(string policy, SlotMetrics slot, long cumulative);

    /// <summary>The policy finished after <paramref name="wall"/> of wall time.</summary>
    void End(string policy, TimeSpan wall);
}
