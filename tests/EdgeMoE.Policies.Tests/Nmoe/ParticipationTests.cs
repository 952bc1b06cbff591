using EdgeMoE.Models.Randomness;
using EdgeMoE.Policies.Nmoe;

namespace EdgeMoE.Policies.Tests.Nmoe;

public sealed class ParticipationTests
{
    [Fact]
    public void A_crashed_client_misses_rounds_at_slot_up_to_recover_at_slot_minus_one()
    {
        var participation = new Participation(4, 5, 0, [new ClientOutage(1, 2, 4), new ClientOutage(3, 4, null)], new Xoshiro256Random(1));
        Assert.Equal([0, 1, 2, 3], participation.Reporting(1));
        Assert.Equal([0, 2, 3], participation.Reporting(2));
        Assert.Equal([0, 2, 3], participation.Reporting(3));
        Assert.Equal([0, 1, 2], participation.Reporting(4));
        Assert.Equal([0, 1, 2], participation.Reporting(5));
    }

    [Fact]
    public void Dropouts_follow_the_probability_and_replay_from_the_seed()
    {
        var first = new Participation(10, 200, 0.3, [], new Xoshiro256Random(7));
        var second = new Participation(10, 200, 0.3, [], new Xoshiro256Random(7));
        var reported = Enumerable.Range(1, 200).Sum(r => first.Reporting(r).Count);
        Assert.InRange(reported / 2000.0, 0.65, 0.75);
        Assert.All(Enumerable.Range(1, 200), r => Assert.Equal(first.Reporting(r), second.Reporting(r)));
        Assert.Empty(new Participation(3, 1, 1, [], new Xoshiro256Random(7)).Reporting(1));
    }

    [Fact]
    public void FedGate_schedules_seventy_percent_of_the_clients_among_those_available()
    {
        var random = new Xoshiro256Random(3);
        var all = Enumerable.Range(0, 10).ToList();
        var chosen = ClientSampling.Choose(all, 10, 0.7, random);
        Assert.Equal(7, chosen.Count);
        Assert.Equal(chosen.Order(), chosen);
        Assert.Equal(7, chosen.Distinct().Count());
        Assert.Equal([2, 5], ClientSampling.Choose([2, 5], 10, 0.7, random));
    }
}
