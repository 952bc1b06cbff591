namespace EdgeMoE.Actors.Runtime;

/// <summary>A message that could not be delivered (target stopped, mailbox full, sent to no one), published on the event stream.</summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">Its sender, if any.</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
