namespace EdgeMoE.Actors.Runtime;

/// <summary>A message the recipient's current behaviour did not handle, published on the event stream.</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
