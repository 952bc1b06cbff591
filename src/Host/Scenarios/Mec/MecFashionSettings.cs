using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>The Fashion-MNIST task family of <c>edgemoe.mec</c> (keys <c>fashion-*</c>).</summary>
/// <param name="ClassesPerTask">Classes in one task's subset (2..10).</param>
/// <param name="TaskGroups">N, the number of fixed class subsets tasks are drawn from (≥ 1).</param>
/// <param name="ImagesPerTask">Training images of one task.</param>
/// <param name="EvaluationImages">Test images per class subset used for the error.</param>
/// <param name="Hidden">Hidden width of the MLP experts.</param>
/// <param name="Epochs">Passes a server makes over a task's images.</param>
/// <param name="LearningRate">Learning rate of the experts' optimiser.</param>
/// <param name="Sgd">The experts learn by plain gradient descent (fashion-optimizer = sgd) rather than Adam.</param>
public sealed record MecFashionSettings(int ClassesPerTask, int TaskGroups, int ImagesPerTask, int EvaluationImages, int Hidden, int Epochs, double LearningRate, bool Sgd)
{
    internal static MecFashionSettings Read(SettingsReader r) => new(
        ClassesPerTask: r.Int("fashion-classes-per-task", 2, 10),
        TaskGroups: r.Int("fashion-task-groups", min: 1),
        ImagesPerTask: r.Int("fashion-images-per-task", min: 1),
        EvaluationImages: r.Int("fashion-evaluation-images", min: 1),
        Hidden: r.Int("fashion-hidden", min: 1),
        Epochs: r.Int("fashion-epochs", min: 1),
        LearningRate: r.GreaterThan("fashion-learning-rate", 0),
        Sgd: r.OneOf("fashion-optimizer", ["sgd", "adam"]) == "sgd");
}
