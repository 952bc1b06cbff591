using Akka.Actor;
using EdgeMoE.Models.Data.Regression;

namespace EdgeMoE.Actors.Mec;

/// <summary>The mobile user: emits one task of the clustered task stream per step, on request.</summary>
public sealed class MecUserActor : ReceiveActor
{
    private readonly ClusteredLinearRegression _stream;

    /// <summary>A user whose task stream (ground truths and tasks) follows from <paramref name="seed"/>.</summary>
    public MecUserActor(ClusteredLinearRegressionOptions options, int seed)
    {
        _stream = new ClusteredLinearRegression(options, seed);
        Receive<NextTask>(OnNextTask);
    }

    /// <summary>Props of a user actor.</summary>
    public static Props Props(ClusteredLinearRegressionOptions options, int seed) => Akka.Actor.Props.Create(() => new MecUserActor(options, seed));

    private void OnNextTask(NextTask request) => Sender.Tell(new TaskArrived(request.Step, _stream.NextTask()));
}
