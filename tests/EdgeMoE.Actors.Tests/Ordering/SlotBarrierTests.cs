using EdgeMoE.Actors.Edge.Ordering;

namespace EdgeMoE.Actors.Tests.Ordering;

public sealed class SlotBarrierTests
{
    [Fact]
    public void Messages_are_released_by_virtual_time_then_sender_then_sequence_whatever_the_delivery_order()
    {
        Note[] notes = [new(0, 0.5, 1), new(1, 0.2, 1), new(2, 0.5, 1), new(3, 0.2, 0)];
        Note[] expected = [notes[1], notes[3], notes[0], notes[2]];
        int[][] orders = [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]];
        foreach (var order in orders)
        {
            var barrier = Barrier(4);
            Assert.Equal([false, false, false, true], order.Select(i => barrier.Add(notes[i])));
            Assert.Equal(expected, barrier.Release());
        }
    }

    [Fact]
    public void The_sequence_breaks_ties_of_time_and_sender()
    {
        var early = new CanonicalKey(TimeSpan.FromSeconds(1), 2, 4);
        var late = new CanonicalKey(TimeSpan.FromSeconds(1), 2, 5);
        Assert.True(early.CompareTo(late) < 0);
        Assert.True(late.CompareTo(early) > 0);
        Assert.Equal(0, early.CompareTo(early));
    }

    [Fact]
    public void The_barrier_is_empty_again_after_a_release()
    {
        var barrier = Barrier(1);
        Assert.True(barrier.Add(new Note(0, 0, 0)));
        barrier.Release();
        Assert.False(barrier.IsComplete);
        Assert.True(barrier.Add(new Note(0, 1, 1)));
    }

    [Fact]
    public void A_second_message_from_one_sender_or_an_early_release_is_refused()
    {
        var barrier = Barrier(2);
        barrier.Add(new Note(1, 0, 0));
        Assert.Throws<InvalidOperationException>(() => barrier.Add(new Note(1, 0.5, 1)));
        Assert.Throws<InvalidOperationException>(() => barrier.Release());
    }

    private static SlotBarrier<Note> Barrier(int senders) =>
        new(senders, n => new CanonicalKey(TimeSpan.FromSeconds(n.At), n.Sender, n.Sequence));

    private sealed record Note(int Sender, double At, long Sequence);
}
