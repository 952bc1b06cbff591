using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands;

/// <summary>The options of <c>edgemoe train</c>, validated with messages that name the option.</summary>
internal sealed record TrainSettings(string Dataset, string Model, int Epochs, int Batch, float LearningRate, int Seed, string DataDirectory, string? SavePath)
{
    public void Validate()
    {
        if (Dataset is not ("fashion-mnist" or "synthetic"))
        {
            throw new BadInputException($"--dataset must be fashion-mnist or synthetic, got '{Dataset}'");
        }

        if (Model is not ("small-cnn" or "mlp"))
        {
            throw new BadInputException($"--model must be small-cnn or mlp, got '{Model}'");
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
    }
}
