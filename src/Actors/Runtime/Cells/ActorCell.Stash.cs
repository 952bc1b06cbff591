namespace EdgeMoE.Actors.Runtime;

/// <summary>Stash: set messages aside; unstashing puts them in front of the mailbox in their original order.</summary>
internal sealed partial class ActorCell
{
    internal int StashCount => _extras?.Stash?.Count ?? 0;

    internal void StashCurrent()
    {
        if (_currentEnvelope.Message is null)
        {
            throw new InvalidOperationException("Stash() can only be called while processing a message.");
        }

        (Extras.Stash ??= []).Add(_currentEnvelope);
    }

    internal void Unstash(bool all)
    {
        if (_extras?.Stash is not { Count: > 0 } stash)
        {
            return;
        }

        var count = all ? stash.Count : 1;
        var front = new Queue<Envelope>(stash.Take(count));
        if (_extras.Prepended is { } earlier)
        {
            foreach (var envelope in earlier)
            {
                front.Enqueue(envelope);
            }
        }

        stash.RemoveRange(0, count);
        _extras.Prepended = front;
    }
}
