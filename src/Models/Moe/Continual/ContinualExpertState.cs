using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.Continual;

/// <summary>
/// What a continual expert holds between two tasks, to restore it exactly: plain values (a linear expert's weights),
/// counters (tasks fitted, Adam steps) and named tensors (a network's parameters and optimiser moments, copies the
/// holder disposes).
/// </summary>
/// <param name="Values">Doubles, restored bit for bit.</param>
/// <param name="Counters">Integers.</param>
/// <param name="Tensors">Named float tensors, in a fixed order.</param>
public sealed record ContinualExpertState(double[] Values, long[] Counters, IReadOnlyList<KeyValuePair<string, Tensor>> Tensors) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, tensor) in Tensors)
        {
            tensor.Dispose();
        }
    }
}
