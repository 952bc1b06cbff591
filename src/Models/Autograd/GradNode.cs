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

    /// <summary>Creation order; the tape replays nodes in decreasing sequence.</summary>
    internal long Sequence { get; } = Interlocked.Increment(ref _nextSequence);

    /// <summary>Adds the input gradients for output gradient <paramref name="gradOutput"/>.</summary>
    internal abstract void Backward(Tensor output, Tensor gradOutput);
}
