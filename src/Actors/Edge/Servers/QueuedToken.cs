namespace EdgeMoE.Actors.Edge.Servers;

/// <summary>
/// A token held by a server: its id, its image's training-set index (what a snapshot keeps) and where the image lies
/// in the dispatch that brought it (shared, read-only).
/// </summary>
internal readonly record struct QueuedToken(long Id, int ImageIndex, ReadOnlyMemory<float> Image);
