namespace EdgeMoE.Host.Settings;

/// <summary>The <c>edgemoe.training</c> section: the defaults of <c>edgemoe train</c>, which its options override.</summary>
/// <param name="Model">small-cnn or mlp.</param>
/// <param name="Optimizer">sgd, adam or adamw.</param>
/// <param name="LearningRate">Step size (&gt; 0).</param>
/// <param name="Momentum">Momentum of sgd, in [0, 1).</param>
/// <param name="WeightDecay">L2 weight decay (≥ 0; decoupled for adamw).</param>
/// <param name="BatchSize">Images per mini-batch (≥ 1).</param>
/// <param name="Epochs">Passes over the training set (≥ 1).</param>
/// <param name="LabelSmoothing">Label smoothing of the cross-entropy, in [0, 1].</param>
/// <param name="GradientClipNorm">Global gradient-norm clip (≥ 0; 0 disables it).</param>
public sealed record TrainingSettings(
    string Model, string Optimizer, double LearningRate, double Momentum, double WeightDecay, int BatchSize, int Epochs,
    double LabelSmoothing, double GradientClipNorm)
{
    public const string Section = "training";

    internal static TrainingSettings Read(SettingsReader r)
    {
        var momentum = r.AtLeast("momentum", 0);
        r.Require("momentum", momentum < 1, "in [0, 1)", momentum);
        var smoothing = r.AtLeast("label-smoothing", 0);
        r.Require("label-smoothing", smoothing <= 1, "in [0, 1]", smoothing);
        return new TrainingSettings(
            Model: r.OneOf("model", ["small-cnn", "mlp"]),
            Optimizer: r.OneOf("optimizer", ["sgd", "adam", "adamw"]),
            LearningRate: r.GreaterThan("learning-rate", 0),
            Momentum: momentum,
            WeightDecay: r.AtLeast("weight-decay", 0),
            BatchSize: r.Int("batch-size", min: 1),
            Epochs: r.Int("epochs", min: 1),
            LabelSmoothing: smoothing,
            GradientClipNorm: r.AtLeast("gradient-clip-norm", 0));
    }
}
