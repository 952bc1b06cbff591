using EdgeMoE.Actors.Edge.Ordering;

namespace EdgeMoE.Actors.Tests.Edge.Failures;

public sealed class SlotBarrierExclusionTests
{
    private sealed record Message(int Sender, double At);

    private static SlotBarrier<Message> Barrier() => new(3, m => new CanonicalKey(TimeSpan.FromSeconds(m.At), m.Sender, 0));

    [Fact]
    public void An_excluded_sender_is_not_waited_for_and_the_exclusion_ends_with_the_slot()
    {
        var barrier = Barrier();
        Assert.False(barrier.Exclude(1));
        Assert.False(barrier.Add(new Message(2, 0.5)));
        Assert.True(barrier.Add(new Message(0, 0.7)));
        Assert.Equal([0.5, 0.7], barrier.Release().Select(m => m.At));
        Assert.False(barrier.IsExcluded(1));
        Assert.False(barrier.Add(new Message(1, 0.1)));
    }

    [Fact]
    public void Excluding_a_sender_that_delivered_keeps_its_message_and_everyone_excluded_completes_at_once()
    {
        var barrier = Barrier();
        barrier.Add(new Message(0, 1));
        Assert.False(barrier.Exclude(0));
        barrier.Exclude(1);
        Assert.True(barrier.Exclude(2));
        Assert.Single(barrier.Release());
        foreach (var j in new[] { 0, 1, 2 })
        {
            barrier.Exclude(j);
        }

        Assert.True(barrier.IsComplete);
        Assert.Empty(barrier.Release());
    }

    [Fact]
    public void A_message_from_an_excluded_sender_is_refused()
    {
        var barrier = Barrier();
        barrier.Exclude(2);
        Assert.Throws<InvalidOperationException>(() => barrier.Add(new Message(2, 0)));
    }
}
