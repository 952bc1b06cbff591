namespace EdgeMoE.Actors.Runtime;

/// <summary>Set messages aside and take them back later, e.g. until initialisation completes.</summary>
public interface IStash
{
    /// <summary>Sets the message being processed aside.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message back in front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages back in front of the mailbox, in the order they were stashed.</summary>
    void UnstashAll();

    /// <summary>Number of stashed messages.</summary>
    int Count { get; }
}
