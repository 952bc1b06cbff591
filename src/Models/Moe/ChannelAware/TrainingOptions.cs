namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>Hyperparameters of one training stage.</summary>
/// <param name="Epochs">Passes over the training images (≥ 1).</param>
/// <param name="BatchSize">Images per step (≥ 1).</param>
/// <param name="LearningRate">Adam step size (&gt; 0).</param>
/// <param name="BalanceWeight">Weight α of the Switch load-balancing loss (≥ 0).</param>
public sealed record TrainingOptions(int Epochs, int BatchSize, double LearningRate, double BalanceWeight);
