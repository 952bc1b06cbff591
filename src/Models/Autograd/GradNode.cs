using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

/// <summary>
/// The record of one differentiable operation: its inputs and what it saved from the forward pass.
/// <see cref="Backward"/> receives dL/doutput and adds dL/dinput into each input that requires grad.
/// </summary>
public abstract class GradNode(params Tensor[] inputs)
{
    private static long _nextSequence;

    /// <summary>Tensors the operation read; gradients flow back into those that require grad.</summary>
    public IReadOnlyList<Tensor> Inputs { get; } = inputs;

    private readonly int[] _versions = Array.ConvertAll(inputs, t => t.Version);

    /// <summary>Creation order; the tape replays nodes in decreasing sequence.</summary>
    internal long Sequence { get; } = Interlocked.Increment(ref _nextSequence);

    /// <summary>
    /// Throws when an input was updated in place after this node recorded it (as PyTorch's version
    /// counters do): its backward would silently use the new values.
    /// </summary>
    internal void EnsureInputsUnchanged()
    {
        for (var i = 0; i < _versions.Length; i++)
        {
            if (Inputs[i].Version != _versions[i])
            {
                throw new InvalidOperationException(
                    $"a {Inputs[i]} input of {GetType().Name.Replace("Node", string.Empty, StringComparison.Ordinal)} was modified in place (optimizer step or parameter write) after the forward pass; run Backward before Step");
            }
        }
    }

    /// <summary>Adds the input gradients for output gradient <paramref name="gradOutput"/>.</summary>
    internal abstract void Backward(Tensor output, Tensor gradOutput);
}
