using Akka.Actor;
using EdgeMoE.Models.Moe.Continual;

namespace EdgeMoE.Actors.Mec;

/// <summary>The mobile user: emits one task of its task stream per step, on request.</summary>
/// <typeparam name="TData">The tasks' training data.</typeparam>
public sealed class MecUserActor<TData> : ReceiveActor
{
    private readonly ITaskStream<TData> _stream;

    /// <summary>A user drawing from the stream <paramref name="stream"/> makes (seeded by its maker).</summary>
    /// <param name="stream">Makes the seeded task stream.</param>
    /// <param name="drawn">Tasks the stream had already given before a checkpoint (skipped at start); 0 for a fresh run.</param>
    public MecUserActor(Func<ITaskStream<TData>> stream, int drawn = 0)
    {
        _stream = stream();
        _stream.Skip(drawn);
        Receive<NextTask>(OnNextTask);
    }

    /// <summary>Props of a user actor.</summary>
    public static Props Props(Func<ITaskStream<TData>> stream, int drawn = 0) => Akka.Actor.Props.Create(() => new MecUserActor<TData>(stream, drawn));

    private void OnNextTask(NextTask request) => Sender.Tell(new TaskArrived<TData>(request.Step, _stream.Next()));
}
