using Akka.Actor;
using EdgeMoE.Models.Moe.Continual;

namespace EdgeMoE.Actors.Mec;

/// <summary>The mobile user: emits one task of its task stream per step, on request.</summary>
/// <typeparam name="TData">The tasks' training data.</typeparam>
public sealed class MecUserActor<TData> : ReceiveActor
{
    private readonly ITaskStream<TData> _stream;

    /// <summary>A user drawing from the stream <paramref name="stream"/> makes (seeded by its maker).</summary>
    public MecUserActor(Func<ITaskStream<TData>> stream)
    {
        _stream = stream();
        Receive<NextTask>(OnNextTask);
    }

    /// <summary>Props of a user actor.</summary>
    public static Props Props(Func<ITaskStream<TData>> stream) => Akka.Actor.Props.Create(() => new MecUserActor<TData>(stream));

    private void OnNextTask(NextTask request) => Sender.Tell(new TaskArrived<TData>(request.Step, _stream.Next()));
}
