namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// A message in flight in virtual time, with its canonical ordering key: target path, system before user,
/// origin (the actor that sent it, none for outside code), the origin's per-sender sequence number.
/// </summary>
internal readonly record struct PendingDelivery(ActorRefBase Target, ActorPath? Origin, long Sequence, SystemMessage? System, Envelope Envelope)
{
    public static IComparer<PendingDelivery> CanonicalOrder { get; } = Comparer<PendingDelivery>.Create(Compare);

    private static int Compare(PendingDelivery a, PendingDelivery b)
    {
        if (!ReferenceEquals(a.Target, b.Target))
        {
            var byTarget = a.Target.Path.CompareTo(b.Target.Path);
            if (byTarget != 0)
            {
                return byTarget;
            }
        }

        var byKind = (a.System is null).CompareTo(b.System is null);
        if (byKind != 0)
        {
            return byKind;
        }

        if (!ReferenceEquals(a.Origin, b.Origin))
        {
            var byOrigin = a.Origin is null ? -1 : b.Origin is null ? 1 : a.Origin.CompareTo(b.Origin);
            if (byOrigin != 0)
            {
                return byOrigin;
            }
        }

        return a.Sequence.CompareTo(b.Sequence);
    }
}
