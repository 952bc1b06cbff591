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
/// A MEC server with one linear expert: it fits each task it takes with the minimum-norm update and is then busy for
/// the task's transfer and compute time, which it reports as the step from which it is free again.
/// </summary>
public sealed class MecServerActor : ReceiveActor
{
    private readonly int _index;
    private readonly int _busySteps;
    private readonly LinearExpert _expert;

    /// <summary>Server <paramref name="index"/> with hardware <paramref name="server"/> and a zero model of <paramref name="dimension"/> weights.</summary>
    public MecServerActor(int index, MecServer server, MecTaskCost cost, int dimension)
    {
        _index = index;
        _busySteps = server.BusySteps(cost.TaskBits, cost.TaskCycles, cost.StepSeconds);
        _expert = new LinearExpert(dimension);
        Receive<TakeTask>(OnTakeTask);
    }

    /// <summary>Props of a server actor.</summary>
    public static Props Props(int index, MecServer server, MecTaskCost cost, int dimension) =>
        Akka.Actor.Props.Create(() => new MecServerActor(index, server, cost, dimension));

    private void OnTakeTask(TakeTask take)
    {
        var change = _expert.Fit(take.Task);
        Sender.Tell(new TaskTaken(_index, take.Step, take.Step + _busySteps, change, _expert.Weights.ToArray()));
    }
}
