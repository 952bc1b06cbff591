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

        return CompareOrigins(a.Origin, a.Sequence, b.Origin, b.Sequence);
    }

    /// <summary>
    /// The order of two sends by their keys: outside code first, then origin path, then the origin's incarnation (two
    /// incarnations of one path number their sends independently, and a timer of the old one may still fire), then
    /// the sequence number.
    /// </summary>
    public static int CompareOrigins(ActorPath? a, long aSequence, ActorPath? b, long bSequence)
    {
        if (!ReferenceEquals(a, b))
        {
            var byOrigin = a is null ? -1 : b is null ? 1 : a.CompareTo(b);
            if (byOrigin != 0)
            {
                return byOrigin;
            }

            var byIncarnation = a!.Uid.CompareTo(b!.Uid);
            if (byIncarnation != 0)
            {
                return byIncarnation;
            }
        }

        return aSequence.CompareTo(bSequence);
    }
}
