namespace EdgeMoE.Actors.Runtime;

/// <summary>The <see cref="IStash"/> view of a cell (the messages themselves live in the cell's extras).</summary>
internal sealed class CellStash(ActorCell cell) : IStash
{
    public int Count => cell.StashCount;

    public void Stash() => cell.StashCurrent();

    public void Unstash() => cell.Unstash(all: false);

    public void UnstashAll() => cell.Unstash(all: true);
}
