using EdgeMoE.Actors.Cluster.Wire;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Actors.Edge.Learning;

/// <summary>How an actor's network goes into its snapshot: weights and Adam's moments as tensors, Adam's step count in its state.</summary>
internal static class NetworkCheckpoint
{
    private const string Weights = "weights";
    private const string ExpAvg = "adam.exp_avg";
    private const string ExpAvgSq = "adam.exp_avg_sq";

    /// <summary>Writes the step count to <paramref name="state"/> and returns the tensors.</summary>
    public static IReadOnlyList<NamedTensor> Save(RematerialisedNetwork network, WireWriter state)
    {
        var (weights, moments) = network.ExportState();
        state.WriteVarInt(moments.Step);
        return [new NamedTensor(Weights, weights), new NamedTensor(ExpAvg, moments.ExpAvg), new NamedTensor(ExpAvgSq, moments.ExpAvgSq)];
    }

    /// <summary>Reads the step count from <paramref name="state"/> and puts the network back.</summary>
    /// <exception cref="ArgumentException">A tensor is missing or of another size.</exception>
    public static void Restore(RematerialisedNetwork network, WireReader state, IReadOnlyList<NamedTensor> tensors)
    {
        var step = state.ReadVarInt();
        float[] Find(string name) => tensors.FirstOrDefault(t => t.Name == name)?.Values
            ?? throw new ArgumentException($"the snapshot has no tensor {name}", nameof(tensors));
        network.ImportState(Find(Weights), new AdamMoments(step, Find(ExpAvg), Find(ExpAvgSq)));
    }
}
