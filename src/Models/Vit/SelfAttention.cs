using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Vit;

/// <summary>Multi-head self-attention over the tokens of each query: [B, T, d] → [B, T, d], no mask.</summary>
public sealed class SelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly int _heads;

    /// <summary>Attention of <paramref name="heads"/> heads over width <paramref name="dim"/> (init by the caller).</summary>
    public SelfAttention(int dim, int heads)
        : base(nameof(SelfAttention))
    {
        _heads = heads;
        qkv = nn.Linear(dim, 3 * dim);
        proj = nn.Linear(dim, dim);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        // Scalars made explicitly and kept alive across the native calls: TorchSharp's implicit temporaries can be
        // finalized mid-call ("Expected false to be true" from Scalar.toFloat seen in a run here).
        using var scale = Math.Sqrt(input.shape[2] / _heads).ToScalar();
        using var scope = torch.NewDisposeScope();
        var (b, t, d) = (input.shape[0], input.shape[1], input.shape[2]);
        var headDim = d / _heads;
        var parts = qkv.forward(input).reshape(b, t, 3, _heads, headDim).permute(2, 0, 3, 1, 4);
        var (q, k, v) = (parts[0], parts[1], parts[2]);
        var weights = q.matmul(k.transpose(-2, -1)).div(scale).softmax(-1);
        var mixed = weights.matmul(v).transpose(1, 2).reshape(b, t, d);
        return proj.forward(mixed).MoveToOuterDisposeScope();
    }
}
