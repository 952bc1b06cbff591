using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Scenarios;

/// <summary>What a policy's network does about checkpoints: snapshots every <see cref="Every"/> slots, and/or its actors' states to continue from.</summary>
/// <param name="Every">Slots between snapshots (≥ 1), or 0 for none.</param>
/// <param name="Restore">Each actor's state by stable name ("clock", "router", "server-3", ...), its token images attached, or null for a fresh network.</param>
/// <param name="OnSnapshot">Receives each snapshot, after the slot's metrics, on the observer's thread.</param>
internal sealed record NetworkCheckpointing(int Every, IReadOnlyDictionary<string, ActorSnapshot>? Restore, Action<NetworkSnapshot> OnSnapshot)
{
    /// <summary>No snapshots, a fresh network.</summary>
    public static NetworkCheckpointing None { get; } = new(0, null, _ => { });

    /// <summary>
    /// True when the network continues from a checkpoint that holds no state of actor <paramref name="name"/>: a server
    /// (or link) whose actors were dead at the checkpoint, crashed by the schedule or lost with its node.
    /// </summary>
    public bool DeadAtCheckpoint(string name) => Restore is not null && !Restore.ContainsKey(name);

    /// <summary>The state of actor <paramref name="name"/> to continue from; null for a fresh network.</summary>
    /// <exception cref="InvalidOperationException">The checkpoint has no state for that actor.</exception>
    public ActorSnapshot? For(string name) => Restore is null
        ? null
        : Restore.TryGetValue(name, out var snapshot) ? snapshot : throw new InvalidOperationException($"the checkpoint has no state of actor {name}");
}
