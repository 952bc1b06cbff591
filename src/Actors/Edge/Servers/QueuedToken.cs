namespace EdgeMoE.Actors.Edge.Servers;

/// <summary>A token held by a server: its id and where its image lies in the dispatch that brought it (shared, read-only).</summary>
internal readonly record struct QueuedToken(long Id, ReadOnlyMemory<float> Image);
