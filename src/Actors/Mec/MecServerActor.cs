using Akka.Actor;
using EdgeMoE.Models.Compute;
using EdgeMoE.Models.Moe.Continual;

namespace EdgeMoE.Actors.Mec;

/// <summary>What a MEC server's tasks cost it.</summary>
/// <param name="TaskBits">Data each task carries to the server (bits).</param>
/// <param name="TaskCycles">CPU cycles each task's training takes.</param>
/// <param name="StepSeconds">Length of one step, the time between two task arrivals (s).</param>
public sealed record MecTaskCost(double TaskBits, double TaskCycles, double StepSeconds);

/// <summary>
/// A MEC server with one expert: it learns each task it takes and is then busy for the task's transfer and compute
/// time, which it reports as the step from which it is free again.
/// </summary>
/// <typeparam name="TData">The tasks' training data.</typeparam>
public sealed class MecServerActor<TData> : ReceiveActor
{
    private readonly int _index;
    private readonly MecServer _server;
    private readonly MecTaskCost _cost;
    private readonly Func<IContinualExpert<TData>> _makeExpert;
    private IContinualExpert<TData> _expert;

    /// <summary>Server <paramref name="index"/> with hardware <paramref name="server"/> and the expert <paramref name="expert"/> makes.</summary>
    /// <param name="index">The server's index.</param>
    /// <param name="server">Its hardware.</param>
    /// <param name="cost">What a task costs it.</param>
    /// <param name="expert">Makes a fresh expert (at start and after a crash).</param>
    /// <param name="saved">A saved expert state to start from (a checkpoint's); null for a fresh expert.</param>
    public MecServerActor(int index, MecServer server, MecTaskCost cost, Func<IContinualExpert<TData>> expert, ContinualExpertState? saved = null)
    {
        _index = index;
        _server = server;
        _cost = cost;
        _makeExpert = expert;
        _expert = expert();
        if (saved is not null)
        {
            _expert.Restore(saved);
        }

        Receive<TakeTask<TData>>(OnTakeTask);
        Receive<MeasureFit<TData>>(OnMeasureFit);
        Receive<SaveExpert>(_ => Sender.Tell(new ExpertSaved(_index, _expert.Save())));
    }

    /// <summary>Props of a server actor.</summary>
    public static Props Props(int index, MecServer server, MecTaskCost cost, Func<IContinualExpert<TData>> expert, ContinualExpertState? saved = null) =>
        Akka.Actor.Props.Create(() => new MecServerActor<TData>(index, server, cost, expert, saved));

    /// <inheritdoc />
    protected override void PostStop() => _expert.Dispose();

    private void OnMeasureFit(MeasureFit<TData> measure)
    {
        // A server back from a crash would fit the task as a fresh expert.
        using var fresh = measure.FreshExpert ? _makeExpert() : null;
        Sender.Tell(new FitMeasured(_index, measure.Step, (fresh ?? _expert).ChangeToFit(measure.Data)));
    }

    private void OnTakeTask(TakeTask<TData> take)
    {
        if (take.FreshExpert)
        {
            // Back from a crash: the expert it had died with it.
            _expert.Dispose();
            _expert = _makeExpert();
        }

        var change = _expert.Fit(take.Data);
        // A slow link carries the task's bits at a fraction of its rate.
        var busy = _server.BusySteps(_cost.TaskBits / take.RateFactor, _cost.TaskCycles, _cost.StepSeconds);
        Sender.Tell(new TaskTaken(_index, take.Step, take.Step + busy, change, _expert.ErrorByCluster()));
    }
}
