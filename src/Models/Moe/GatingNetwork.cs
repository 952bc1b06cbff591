using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Moe;

/// <summary>
/// The MoE gate: maps token features [N, InputSize] to one logit per expert [N, Experts] (linear, or an
/// MLP with one hidden layer). <see cref="Probabilities"/> gives the softmax gate values g_ij and
/// <see cref="TopK"/> the selected experts.
/// </summary>
public sealed class GatingNetwork : Module
{
    private readonly Module _scorer;

    /// <summary>Builds a gate; <paramref name="hiddenSize"/> 0 gives a linear gate.</summary>
    public GatingNetwork(int inputSize, int experts, Random random, int hiddenSize = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(experts);
        ArgumentOutOfRangeException.ThrowIfNegative(hiddenSize);
        Experts = experts;
        _scorer = hiddenSize == 0
            ? RegisterModule("linear", new Linear(inputSize, experts, random))
            : RegisterModule("mlp", new Mlp([inputSize, hiddenSize, experts], random));
    }

    /// <summary>Number of experts scored.</summary>
    public int Experts { get; }

    /// <summary>Gate logits [N, Experts].</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _scorer.Forward(input.Rank == 2 ? input : Functional.Flatten(input));
    }

    /// <summary>Softmax gate values [N, Experts], each row summing to 1 (differentiable).</summary>
    public Tensor Probabilities(Tensor input) => Functional.Softmax(Forward(input));

    /// <summary>
    /// Indices of the k largest values of each row of <paramref name="scores"/> [N, E], best first; ties go
    /// to the lower expert index so that selection is deterministic.
    /// </summary>
    public static int[][] TopK(Tensor scores, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Rank != 2 || k < 1 || k > scores.Shape[1])
        {
            throw new ArgumentException($"TopK: scores {TensorShape.Format(scores.Shape)} must be [N, E] with 1 ≤ k={k} ≤ E");
        }

        int rows = scores.Shape[0], experts = scores.Shape[1];
        var result = new int[rows][];
        for (var r = 0; r < rows; r++)
        {
            var row = scores.Span.Slice(r * experts, experts).ToArray();
            result[r] = Enumerable.Range(0, experts)
                .OrderByDescending(e => row[e])
                .ThenBy(e => e)
                .Take(k)
                .ToArray();
        }

        return result;
    }
}
