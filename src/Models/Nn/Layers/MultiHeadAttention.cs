using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// Multi-head self-attention on [B, T, D]: query/key/value projections, scaled dot-product attention
/// per head, output projection (PyTorch's nn.MultiheadAttention with batch_first, separate projections).
/// </summary>
public sealed class MultiHeadAttention : Module
{
    /// <summary>Creates the block; <paramref name="width"/> must be divisible by <paramref name="heads"/>.</summary>
    public MultiHeadAttention(int width, int heads, Random random, bool causal = false)
    {
        if (heads < 1 || width % heads != 0)
        {
            throw new ArgumentException($"width {width} must be a positive multiple of heads {heads}");
        }

        Heads = heads;
        Causal = causal;
        Query = RegisterModule("q_proj", new Linear(width, width, random));
        Key = RegisterModule("k_proj", new Linear(width, width, random));
        Value = RegisterModule("v_proj", new Linear(width, width, random));
        Output = RegisterModule("out_proj", new Linear(width, width, random));
    }

    /// <summary>Number of heads.</summary>
    public int Heads { get; }

    /// <summary>Whether position i attends only to positions ≤ i.</summary>
    public bool Causal { get; }

    /// <summary>Query projection.</summary>
    public Linear Query { get; }

    /// <summary>Key projection.</summary>
    public Linear Key { get; }

    /// <summary>Value projection.</summary>
    public Linear Value { get; }

    /// <summary>Output projection.</summary>
    public Linear Output { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var attended = Functional.ScaledDotProductAttention(Query.Forward(input), Key.Forward(input), Value.Forward(input), Heads, Causal);
        return Output.Forward(attended);
    }
}
