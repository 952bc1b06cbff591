using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Scenarios;

namespace EdgeMoE.Host.Tests.Run;

public sealed class CellSnapshotsTests
{
    [Fact]
    public void A_slot_is_joined_once_every_cell_captured_it_whatever_the_order()
    {
        var joined = new List<NetworkSnapshot>();
        var cells = new CellSnapshots(2, joined.Add);

        cells.Add(1, Cell(3, "clock", "server-0"));
        cells.Add(1, Cell(5, "clock", "server-0"));
        Assert.Empty(joined);
        cells.Add(0, Cell(3, "clock", "server-0"));

        var first = Assert.Single(joined);
        Assert.Equal(3, first.Slot);
        Assert.Equal(["cell-0/clock", "cell-0/server-0", "cell-1/clock", "cell-1/server-0"], first.Actors.Select(a => a.Actor));
        cells.Add(0, Cell(5, "clock", "server-0"));
        Assert.Equal([3L, 5L], joined.Select(s => s.Slot));
    }

    [Fact]
    public void Each_cell_gets_its_own_states_back_by_their_own_names()
    {
        var network = CellSnapshots.Join([Cell(7, "clock", "router"), Cell(7, "clock", "server-2")])
            .Actors.ToDictionary(a => a.Actor, StringComparer.Ordinal);

        var second = CellSnapshots.ForCell(network, 1, 2);

        Assert.Equal(["clock", "server-2"], second.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([1, 7], second["server-2"].State);
        Assert.Equal("server-2", second["server-2"].Actor);
        Assert.Equal(["clock", "router"], CellSnapshots.ForCell(network, 0, 2).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void One_cell_keeps_its_names()
    {
        var single = Cell(2, "clock");

        Assert.Same(single, CellSnapshots.Join([single]));
        var names = single.Actors.ToDictionary(a => a.Actor, StringComparer.Ordinal);
        Assert.Same(names, CellSnapshots.ForCell(names, 0, 1));
    }

    // Each actor's state holds its name's length and the slot, so a test can tell states apart.
    private static NetworkSnapshot Cell(long slot, params string[] actors) =>
        new(slot, [.. actors.Select(a => new ActorSnapshot(slot, a, [(byte)(a.Length - 7), (byte)slot], []))]);
}
