using Akka.Actor;
using EdgeMoE.Actors.Mec;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.Continual;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>The images of the Fashion-MNIST task family: training images and, per class subset, held-out images.</summary>
/// <param name="Train">Images tasks are drawn from.</param>
/// <param name="Groups">The N class subsets.</param>
/// <param name="Evaluation">Per subset, the first held-out images of its classes (the error's test set).</param>
/// <param name="Name">fashion-mnist or synthetic (the stand-in when the package is missing and run.dataset = auto).</param>
public sealed record MecFashionData(LabeledImages Train, IReadOnlyList<int[]> Groups, IReadOnlyList<LabeledImages> Evaluation, string Name)
{
    /// <summary>Loads run.dataset and cuts the subsets of <paramref name="settings"/>.</summary>
    public static MecFashionData Load(MecFashionSettings settings, Settings.RunSettings run, TextWriter log)
    {
        var images = TokenImages.Load(run.Dataset, run.DataDir, run.Seed, log);
        var groups = ClassSubsetTaskStream.Groups(settings.TaskGroups, settings.ClassesPerTask, images.Train.Classes);
        var evaluation = groups.Select(g => images.Test.Subset(
            [.. Enumerable.Range(0, images.Test.Count).Where(i => g.Contains(images.Test.Labels[i])).Take(settings.EvaluationImages)])).ToList();
        return new MecFashionData(images.Train, groups, evaluation, images.Name);
    }
}

/// <summary>Starts one run of the Fashion-MNIST task family: class-subset tasks, an MLP expert per server.</summary>
public static class FashionMecRun
{
    /// <summary>
    /// Spawns the run's actors, from <paramref name="resume"/> if given; its task completes with G_t (mean test error over
    /// past tasks) once step T is done.
    /// </summary>
    public static MecRunHandle Start(ActorSystem system, MecSettings settings, MecRunKey key, MecFashionData data, MecRunSnapshot? resume = null, MecRunCheckpoints? checkpoints = null)
    {
        var fashion = settings.Fashion;
        var servers = MecServers.Draw(settings, key.Seed, key.Experts);
        var cost = new MecTaskCost(settings.TaskBits, settings.TaskCycles, settings.StepSeconds);
        var train = data.Train;
        var serverProps = servers.Select((s, m) => MecServerActor<LabeledImages>.Props(m, s, cost, () => new MlpContinualExpert(
            train.ImageSize, fashion.Hidden, train.Classes, fashion.Epochs, fashion.LearningRate, data.Evaluation,
            NetworkSeed.Generator(key.Seed, $"mec-server-{m}"), fashion.Sgd), resume?.Experts[m])).ToList();
        var user = MecUserActor<LabeledImages>.Props(() => new ClassSubsetTaskStream(train, data.Groups, fashion.ImagesPerTask, DerivedSeeds.For(key.Seed, "mec-fashion-tasks")), resume?.Step ?? 0);
        var error = new GeneralisationError(data.Groups.Count, key.Experts);
        var done = new TaskCompletionSource<MecRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var choice = MecRouting.For(settings, key, servers, train.ImageSize);
        if (resume is not null)
        {
            error.Restore(resume.Error);
            choice.Restore(resume.Choice);
        }

        var coordinator = GateCoordinatorActor<LabeledImages>.Props(
            choice, user, serverProps, settings.Tasks, error, done, settings.FailuresFor(key.Experts), checkpoints, resume?.Coordinator);
        return new MecRunHandle(done.Task, system.ActorOf(coordinator, $"mec-{key.Method}-m{key.Experts}-s{key.Seed}"));
    }
}
