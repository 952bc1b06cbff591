using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// The part of an Adam step that <see cref="PinnedScalarAdam"/> and <see cref="PinnedScalarAdamW"/> share: move the
/// running moments by the gradient and the parameter by one bias-corrected step, in TorchSharp's order of libtorch calls,
/// with every <see cref="Scalar"/> created here and alive until <see cref="Dispose"/> (after the group's native calls).
/// </summary>
internal sealed class AdamUpdate : IDisposable
{
    private readonly double _lr;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly bool _amsgrad;

    // The int 1 is the alpha TorchSharp's add_(Scalar) supplies itself; the others are the doubles its step converts.
    private readonly Scalar _one = 1.ToScalar();
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _eps;

    /// <summary>The update of one parameter group's options.</summary>
    public AdamUpdate(double lr, double beta1, double beta2, double eps, bool amsgrad)
    {
        (_lr, _beta1, _beta2, _amsgrad) = (lr, beta1, beta2, amsgrad);
        _beta1Scalar = beta1.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _eps = eps.ToScalar();
    }

    /// <summary>
    /// exp_avg ← β1·exp_avg + (1 − β1)·g, exp_avg_sq ← β2·exp_avg_sq + (1 − β2)·g², then θ ← θ − lr/(1 − β1^t) ·
    /// exp_avg / (√(v/(1 − β2^t)) + ε), v being exp_avg_sq or, with AMSGrad, its running maximum.
    /// </summary>
    /// <param name="step">t, the parameter's step count including this step.</param>
    public void Apply(Parameter parameter, Tensor grad, long step, Tensor expAvg, Tensor expAvgSq, ref Tensor maxExpAvgSq)
    {
        var biasCorrection1 = 1 - Math.Pow(_beta1, step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, step);
        expAvg.mul_(_beta1Scalar).add_(grad, _oneMinusBeta1);
        expAvgSq.mul_(_beta2Scalar).addcmul_(grad, grad.conj(), _oneMinusBeta2);

        using var sqrtBiasCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
        Tensor denominator;
        if (_amsgrad)
        {
            var previousMax = maxExpAvgSq;
            maxExpAvgSq = torch.maximum(previousMax, expAvgSq).DetachFromDisposeScope();
            previousMax.Dispose();
            denominator = maxExpAvgSq.sqrt().div(sqrtBiasCorrection2).add_(_eps, _one);
        }
        else
        {
            denominator = expAvgSq.sqrt().div(sqrtBiasCorrection2).add_(_eps, _one);
        }

        using var negativeStepSize = (-(_lr / biasCorrection1)).ToScalar();
        parameter.addcdiv_(expAvg, denominator, negativeStepSize);
    }

    public void Dispose()
    {
        _one.Dispose();
        _beta1Scalar.Dispose();
        _oneMinusBeta1.Dispose();
        _beta2Scalar.Dispose();
        _oneMinusBeta2.Dispose();
        _eps.Dispose();
    }
}
