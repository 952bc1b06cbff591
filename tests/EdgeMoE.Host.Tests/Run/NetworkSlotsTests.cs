using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Scenarios;

namespace EdgeMoE.Host.Tests.Run;

public sealed class NetworkSlotsTests
{
    [Fact]
    public void Slots_are_emitted_in_order_once_every_cell_finished_them()
    {
        var emitted = new List<long>();
        var network = new NetworkSlots(2, 3, slot => emitted.Add(slot.Slot));
        network.Add(1, Cell(0, arrivals: 5, processed: 4, loss: 1.0, accuracy: null));
        network.Add(1, Cell(1, arrivals: 5, processed: 4, loss: 1.0, accuracy: null));
        Assert.Empty(emitted);
        network.Add(0, Cell(0, arrivals: 7, processed: 6, loss: 2.0, accuracy: null));
        Assert.Equal([0L], emitted);
        network.Add(0, Cell(1, arrivals: 7, processed: 6, loss: 2.0, accuracy: null));
        Assert.Equal([0L, 1L], emitted);
    }

    [Fact]
    public void A_joined_slot_numbers_servers_cell_after_cell_and_adds_up_the_routers()
    {
        var joined = NetworkSlots.Join([Cell(4, 10, 8, 1.0, 0.5), Cell(4, 20, 2, 3.0, 0.7)], serversPerCell: 3);

        Assert.Equal([0, 1, 2, 3, 4, 5], joined.Servers.Select(s => s.Server));
        Assert.Equal([0, 1, 2, 3, 4, 5], joined.Links.Select(l => l.Server));
        Assert.Equal(30, joined.Router.Arrivals);
        Assert.Equal(10, joined.Router.Processed);
        Assert.Equal(((8 * 1.0) + (2 * 3.0)) / 10, joined.Router.TrainingLoss, 12);
        Assert.Equal(0.6, joined.TestAccuracy!.Value, 12);
        Assert.Equal(TimeSpan.FromSeconds(20), joined.Router.ArrivesAt);
    }

    private static SlotMetrics Cell(long slot, int arrivals, int processed, double loss, double? accuracy) => new(
        slot,
        TimeSpan.FromSeconds(slot),
        new RouterSlotReport(slot, arrivals, processed, loss, 1.5, 2.5, TimeSpan.FromSeconds(arrivals)),
        [.. Enumerable.Range(0, 3).Select(j => new ServerSlotReport(slot, j, true, 1, 1, 0, 0, 0.1, 1e9, 1, TimeSpan.Zero))],
        [.. Enumerable.Range(0, 3).Select(j => new LinkSlotReport(slot, j, 8, 0.01, TimeSpan.Zero))],
        accuracy,
        false);
}
