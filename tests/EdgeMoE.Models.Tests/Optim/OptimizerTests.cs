using EdgeMoE.Models.Optim;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Tests.Optim;

public sealed class OptimizerTests
{
    [Fact]
    public void Plain_sgd_steps_against_the_gradient()
    {
        var (p, sgd) = Parameter(o => new Sgd(o, new Sgd.Options(0.1f)));
        Step(sgd, p, 0.5f);
        Assert.Equal(0.95f, p.Span[0], 6);
    }

    [Fact]
    public void Sgd_momentum_nesterov_and_weight_decay_match_hand_computed_values()
    {
        var (p, momentum) = Parameter(o => new Sgd(o, new Sgd.Options(0.1f, Momentum: 0.9f)));
        Step(momentum, p, 0.5f);
        Step(momentum, p, 0.5f);
        Assert.Equal(0.855f, p.Span[0], 6);

        var (q, nesterov) = Parameter(o => new Sgd(o, new Sgd.Options(0.1f, Momentum: 0.9f, Nesterov: true)));
        Step(nesterov, q, 0.5f);
        Assert.Equal(0.905f, q.Span[0], 6);
        Step(nesterov, q, 0.5f);
        Assert.Equal(0.7695f, q.Span[0], 6);

        var (r, decay) = Parameter(o => new Sgd(o, new Sgd.Options(0.1f, WeightDecay: 0.1f)));
        Step(decay, r, 0.5f);
        Assert.Equal(0.94f, r.Span[0], 6);
    }

    [Fact]
    public void Adam_matches_hand_computed_bias_corrected_steps()
    {
        var (p, adam) = Parameter(o => new Adam(o, new Adam.Options(LearningRate: 0.1f)));
        Step(adam, p, 0.5f);
        Assert.Equal(0.9f, p.Span[0], 6);
        Step(adam, p, 0.25f);
        Assert.Equal(0.806782f, p.Span[0], 5);
        Assert.Equal(2, ((Adam)adam).StateOf(0)!.Step);
    }

    [Fact]
    public void Adam_w_decays_weights_before_the_adam_update()
    {
        var (p, adamW) = Parameter(o => new AdamW(o, new AdamW.Options(LearningRate: 0.1f, WeightDecay: 0.1f)));
        Step(adamW, p, 0.5f);
        Assert.Equal(0.89f, p.Span[0], 6);
        var (q, adamL2) = Parameter(o => new Adam(o, new Adam.Options(LearningRate: 0.1f, WeightDecay: 0.1f)));
        Step(adamL2, q, 0.5f);
        Assert.Equal(0.9f, q.Span[0], 6);
    }

    [Fact]
    public void Parameters_without_gradients_are_left_alone()
    {
        var (p, sgd) = Parameter(o => new Sgd(o, new Sgd.Options(0.1f)));
        sgd.Step();
        Assert.Equal(1f, p.Span[0]);
    }

    [Fact]
    public void Clip_grad_norm_scales_all_gradients_to_the_limit_and_reports_the_old_norm()
    {
        var a = Tensor.Zeros(1).RequireGrad();
        var b = Tensor.Zeros(1).RequireGrad();
        a.Grad = Tensor.FromValues([3f], 1);
        b.Grad = Tensor.FromValues([4f], 1);
        var norm = GradientClipping.ClipGradNorm([a, b], 1.0);
        Assert.Equal(5.0, norm, 9);
        Assert.Equal(0.6f, a.Grad.Span[0], 5);
        Assert.Equal(0.8f, b.Grad.Span[0], 5);
        GradientClipping.ClipGradNorm([a, b], 10.0);
        Assert.Equal(0.6f, a.Grad.Span[0], 5);
    }

    [Fact]
    public void Invalid_options_name_the_field()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([], new Sgd.Options(0f)));
        Assert.Contains("LearningRate", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Sgd([], new Sgd.Options(0.1f, Nesterov: true)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([], new Adam.Options(Beta2: 1f)));
    }

    private static (Tensor Parameter, Optimizer Optimizer) Parameter(Func<IReadOnlyList<Tensor>, Optimizer> create)
    {
        var p = Tensor.FromValues([1f], 1).RequireGrad();
        return (p, create([p]));
    }

    private static void Step(Optimizer optimizer, Tensor p, float gradient)
    {
        p.Grad = Tensor.FromValues([gradient], 1);
        optimizer.Step();
    }
}
