using EdgeMoE.Host.Cli;
using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;

namespace EdgeMoE.Host.Commands;

/// <summary>The options of <c>edgemoe train</c>, validated with messages that name the option.</summary>
internal sealed record TrainSettings(
    string Dataset,
    string Model,
    int Epochs,
    int Batch,
    float LearningRate,
    int Seed,
    string DataDirectory,
    string? SavePath,
    string Optimizer = "adam",
    float Momentum = 0.9f,
    float WeightDecay = 0f,
    float LabelSmoothing = 0f,
    double GradientClipNorm = 0,
    int Threads = 0)
{
    /// <summary>The optimiser these settings ask for, over <paramref name="parameters"/> (<see cref="PinnedScalarSgd"/>, <see cref="PinnedScalarAdamW"/> or <see cref="PinnedScalarAdam"/>, race-free).</summary>
    public torch.optim.Optimizer CreateOptimizer(IEnumerable<Parameter> parameters) => Optimizer switch
    {
        "sgd" => new PinnedScalarSgd(parameters, LearningRate, momentum: Momentum, weight_decay: WeightDecay),
        "adamw" => new PinnedScalarAdamW(parameters, LearningRate, weight_decay: WeightDecay),
        _ => new PinnedScalarAdam(parameters, LearningRate, weight_decay: WeightDecay),
    };

    /// <summary>torch's intra-op threads for this run: <see cref="Threads"/>, or every core when 0.</summary>
    public int EffectiveThreads => Threads == 0 ? Environment.ProcessorCount : Threads;

    public void Validate()
    {
        if (Dataset is not ("fashion-mnist" or "synthetic"))
        {
            throw new BadInputException($"--dataset must be fashion-mnist or synthetic, got '{Dataset}'");
        }

        if (Model is not ("small-cnn" or "mlp" or "moe-vit"))
        {
            throw new BadInputException($"--model must be small-cnn, mlp or moe-vit, got '{Model}'");
        }

        if (Epochs < 1)
        {
            throw new BadInputException($"--epochs must be ≥ 1, got {Epochs}");
        }

        if (Batch < 1)
        {
            throw new BadInputException($"--batch must be ≥ 1, got {Batch}");
        }

        if (!(LearningRate > 0 && float.IsFinite(LearningRate)))
        {
            throw new BadInputException($"--lr must be a positive number, got {LearningRate}");
        }

        if (Optimizer is not ("sgd" or "adam" or "adamw"))
        {
            throw new BadInputException($"--optimizer must be sgd, adam or adamw, got '{Optimizer}'");
        }

        if (Momentum is < 0f or >= 1f)
        {
            throw new BadInputException($"--momentum must be in [0, 1), got {Momentum}");
        }

        if (!(WeightDecay >= 0f))
        {
            throw new BadInputException($"--weight-decay must be ≥ 0, got {WeightDecay}");
        }

        if (LabelSmoothing is < 0f or > 1f or float.NaN)
        {
            throw new BadInputException($"--label-smoothing must be in [0, 1], got {LabelSmoothing}");
        }

        if (Threads < 0)
        {
            throw new BadInputException($"--threads must be ≥ 0 (0 = one per core), got {Threads}");
        }

        if (!(GradientClipNorm >= 0))
        {
            throw new BadInputException($"--clip-norm must be ≥ 0 (0 disables clipping), got {GradientClipNorm}");
        }
    }
}
