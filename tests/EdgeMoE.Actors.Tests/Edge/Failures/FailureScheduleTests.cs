using EdgeMoE.Actors.Edge.Failures;

namespace EdgeMoE.Actors.Tests.Edge.Failures;

public sealed class FailureScheduleTests
{
    // Six servers on three nodes: node 0 holds servers 0 and 3, node 1 servers 1 and 4, node 2 servers 2 and 5.
    private static FailureSchedule Schedule(params ScheduledFailure[] failures) => new(failures, servers: 6, nodes: 3);

    [Fact]
    public void A_crashed_server_stops_at_its_slot_and_restarts_at_its_recovery()
    {
        var schedule = Schedule(new ScheduledFailure(FailureKind.CrashServer, 4, 10, 15));
        Assert.Equal(new SlotTransitions([4], [], [4], []), schedule.At(10), Same);
        Assert.True(schedule.At(11).IsEmpty);
        Assert.Equal(new SlotTransitions([], [4], [], []), schedule.At(15), Same);
        Assert.True(schedule.IsDown(4, 14));
        Assert.False(schedule.IsDown(4, 15));
        Assert.False(schedule.IsAlive(4, 10));
        Assert.True(schedule.IsAlive(3, 10));
    }

    [Fact]
    public void A_node_crash_takes_every_server_of_the_node()
    {
        var schedule = Schedule(new ScheduledFailure(FailureKind.CrashNode, 1, 0, null));
        Assert.Equal(new SlotTransitions([1, 4], [], [1, 4], []), schedule.At(0), Same);
        Assert.Equal([1, 4], schedule.ServersOn(1));
        Assert.True(schedule.IsDown(4, 1_000_000));
    }

    [Fact]
    public void A_partition_keeps_the_actors_and_empties_their_queues_at_the_heal()
    {
        var schedule = Schedule(new ScheduledFailure(FailureKind.Partition, 2, 5, 8));
        Assert.Equal(new SlotTransitions([], [], [2, 5], []), schedule.At(5), Same);
        Assert.Equal(new SlotTransitions([], [], [], [2, 5]), schedule.At(8), Same);
        Assert.True(schedule.IsAlive(2, 6));
        Assert.True(schedule.IsDown(2, 6));
    }

    [Fact]
    public void A_crash_during_a_partition_restarts_fresh_and_is_not_a_rejoin()
    {
        var schedule = Schedule(
            new ScheduledFailure(FailureKind.Partition, 0, 5, 12),
            new ScheduledFailure(FailureKind.CrashServer, 3, 7, 9));
        Assert.Equal(new SlotTransitions([3], [], [], []), schedule.At(7), Same);
        // Back alive while still cut off: fresh actors, still down.
        Assert.Equal(new SlotTransitions([], [3], [], []), schedule.At(9), Same);
        Assert.Equal(new SlotTransitions([], [], [], [0, 3]), schedule.At(12), Same);
    }

    [Fact]
    public void Slow_links_multiply_and_do_not_take_a_server_down()
    {
        var schedule = Schedule(
            new ScheduledFailure(FailureKind.SlowLink, 5, 20, 80, 0.5),
            new ScheduledFailure(FailureKind.SlowLink, 5, 40, 50, 0.1));
        Assert.Equal(1, schedule.RateFactor(5, 19));
        Assert.Equal(0.5, schedule.RateFactor(5, 20));
        Assert.Equal(0.05, schedule.RateFactor(5, 45), 15);
        Assert.Equal(1, schedule.RateFactor(4, 45));
        Assert.False(schedule.IsDown(5, 45));
        Assert.True(schedule.At(20).IsEmpty);
    }

    [Theory]
    [InlineData(FailureKind.CrashServer, 6, 0, null, 1.0)]
    [InlineData(FailureKind.CrashNode, 3, 0, null, 1.0)]
    [InlineData(FailureKind.Partition, 0, 9, 9L, 1.0)]
    [InlineData(FailureKind.SlowLink, 0, 0, 5L, 0.0)]
    [InlineData(FailureKind.SlowLink, 0, -1, 5L, 0.5)]
    public void An_entry_out_of_range_is_refused_naming_it(FailureKind kind, int target, long from, long? until, double factor)
    {
        var error = Assert.Throws<ArgumentException>(() => Schedule(new ScheduledFailure(kind, target, from, until, factor)));
        Assert.Contains("failure 0", error.Message);
    }

    private static readonly IEqualityComparer<SlotTransitions> Same = EqualityComparer<SlotTransitions>.Create(
        (a, b) => a!.Stop.SequenceEqual(b!.Stop) && a.Start.SequenceEqual(b.Start) && a.Down.SequenceEqual(b.Down) && a.Rejoin.SequenceEqual(b.Rejoin),
        t => t.Stop.Length);
}
