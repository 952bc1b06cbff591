namespace EdgeMoE.Actors.Runtime;

/// <summary>A user message with its sender, as it sits in a mailbox. A struct so queues store it inline.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
