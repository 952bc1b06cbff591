using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe;

/// <summary>
/// The MoE gate: maps token features [N, InputSize] to one logit per expert [N, Experts] (linear, or an
/// MLP with one hidden layer). <see cref="Probabilities"/> gives the softmax gate values g_ij and
/// <see cref="TopK(ReadOnlySpan{float}, int, int)"/> the selected experts.
/// </summary>
public sealed class GatingNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _scorer;

    /// <summary>Builds a gate initialised from <paramref name="generator"/>; <paramref name="hiddenSize"/> 0 gives a linear gate.</summary>
    public GatingNetwork(int inputSize, int experts, Generator generator, int hiddenSize = 0)
        : base(nameof(GatingNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(experts);
        ArgumentOutOfRangeException.ThrowIfNegative(hiddenSize);
        Experts = experts;
        _scorer = hiddenSize == 0 ? nn.Linear(inputSize, experts) : new Mlp([inputSize, hiddenSize, experts], generator);
        register_module(hiddenSize == 0 ? "linear" : "mlp", _scorer);
        if (hiddenSize == 0)
        {
            SeededInitialisation.Apply(_scorer, generator);
        }
    }

    /// <summary>Number of experts scored.</summary>
    public int Experts { get; }

    /// <summary>Gate logits [N, Experts].</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = torch.NewDisposeScope();
        return _scorer.forward(input.dim() == 2 ? input : input.flatten(1)).MoveToOuterDisposeScope();
    }

    /// <summary>Softmax gate values [N, Experts], each row summing to 1 (differentiable).</summary>
    public Tensor Probabilities(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        return forward(input).softmax(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Indices of the k largest values of each row of the row-major scores [rows, experts], best first; ties go to the
    /// lower expert index so that selection is deterministic.
    /// </summary>
    public static int[][] TopK(ReadOnlySpan<float> scores, int experts, int k)
    {
        if (experts < 1 || k < 1 || k > experts || scores.Length % experts != 0)
        {
            throw new ArgumentException($"TopK: {scores.Length} scores must form rows of {experts} experts with 1 ≤ k={k} ≤ {experts}");
        }

        var rows = scores.Length / experts;
        var result = new int[rows][];
        for (var r = 0; r < rows; r++)
        {
            var row = scores.Slice(r * experts, experts).ToArray();
            result[r] = Enumerable.Range(0, experts)
                .OrderByDescending(e => row[e])
                .ThenBy(e => e)
                .Take(k)
                .ToArray();
        }

        return result;
    }

    /// <summary>As <see cref="TopK(ReadOnlySpan{float}, int, int)"/> on a float32 tensor [N, E].</summary>
    public static int[][] TopK(Tensor scores, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.dim() != 2)
        {
            throw new ArgumentException($"TopK: scores of shape [{string.Join(", ", scores.shape)}] must be [N, E]");
        }

        using var values = scores.detach().to(ScalarType.Float32).contiguous();
        return TopK(values.data<float>().ToArray(), (int)scores.shape[1], k);
    }
}
