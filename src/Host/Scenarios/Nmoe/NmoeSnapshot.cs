using EdgeMoE.Actors.Nmoe;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>What an NMoE checkpoint holds: the partitions already finished and the state of the one under way.</summary>
/// <param name="Partition">Index (in edgemoe.nmoe.partitions) of the partition under way.</param>
/// <param name="PartitionFirstStep">The step counter when that partition started.</param>
/// <param name="Done">Per finished partition, in order, its results and rounds (what summary.json and rounds.csv get).</param>
/// <param name="TrainLabels">Per client of the partition under way, its training labels: a resumed run checks its data split against them.</param>
/// <param name="Current">The partition under way.</param>
internal sealed record NmoeSnapshot(
    int Partition,
    long PartitionFirstStep,
    IReadOnlyList<(IReadOnlyList<NmoeMethodResult> Results, IReadOnlyList<RoundRecord> Rounds)> Done,
    IReadOnlyList<int[]> TrainLabels,
    NmoePartitionState Current);
