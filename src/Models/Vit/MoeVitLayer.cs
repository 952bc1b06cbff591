using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Vit;

/// <summary>
/// One transformer layer of the MoE-ViT (eq. 5): the attention block Attn^(l) (pre-norm attention with residual, then the
/// norm that makes the hidden states u), the softmax gate g^(l) over K experts (eq. 7), and the FFN experts FFN_j^(l).
/// The layer's output is x + Σ_j w_j·FFN_j(u) with the weights of eq. 8.
/// </summary>
public sealed class MoeVitLayer : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly SelfAttention attention;
    private readonly LayerNorm norm2;
    private readonly Linear gate;
    private readonly ExpertBank experts;
    private readonly int _topK;

    /// <summary>A layer of <paramref name="options"/>' shape; linear layers initialised by the caller, experts from <paramref name="generator"/>.</summary>
    public MoeVitLayer(MoeVitOptions options, Generator generator)
        : base(nameof(MoeVitLayer))
    {
        ArgumentNullException.ThrowIfNull(options);
        _topK = options.TrainTopK;
        norm1 = nn.LayerNorm([options.Dim]);
        attention = new SelfAttention(options.Dim, options.Heads);
        norm2 = nn.LayerNorm([options.Dim]);
        gate = nn.Linear(options.Dim, options.Experts);
        experts = new ExpertBank(options.Experts, options.Dim, options.ExpertHidden, generator);
        RegisterComponents();
    }

    /// <summary>The experts of this layer.</summary>
    public ExpertBank Experts => experts;

    /// <summary>
    /// The attention block on queries x [B, T, d]: returns the residual stream after attention [B, T, d] and the
    /// hidden states u = LayerNorm(residual) [B, T, d] that the gate scores and the experts process.
    /// </summary>
    public (Tensor Residual, Tensor Hidden) Attend(Tensor x)
    {
        // Scalars made explicitly and kept alive across the native calls: TorchSharp's implicit temporaries can be
        // finalized mid-call ("Expected false to be true" from Scalar.toFloat seen in a run here).
        using var one = 1.0f.ToScalar();
        using var scope = torch.NewDisposeScope();
        var residual = x.add(attention.forward(norm1.forward(x)), one);
        var hidden = norm2.forward(residual);
        return (residual.MoveToOuterDisposeScope(), hidden.MoveToOuterDisposeScope());
    }

    /// <summary>g^(l)(u): softmax gating scores [..., K], non-negative and summing to 1 (eq. 7).</summary>
    public Tensor Scores(Tensor hidden) => gate.forward(hidden).softmax(-1);

    /// <summary>The training forward: every token mixes its Top-k experts with renormalised gate weights.</summary>
    public override Tensor forward(Tensor x)
    {
        using var one = 1.0f.ToScalar();
        using var scope = torch.NewDisposeScope();
        var (residual, hidden) = Attend(x);
        var flat = hidden.reshape(-1, hidden.shape[2]);
        var scores = Scores(flat);
        var top = scores.topk(_topK, dim: 1);
        var mask = torch.zeros_like(scores).scatter_(1, top.indexes, torch.ones_like(top.values));
        var weights = scores.mul(mask);
        weights = weights.div(weights.sum(1, keepdim: true));
        var mixed = experts.forward(flat, weights).reshape(residual.shape);
        return residual.add(mixed, one).MoveToOuterDisposeScope();
    }
}
