using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Tests.Edge;

/// <summary>Servers compute their queue's oldest tokens and return outputs; the router aggregates a slot's outputs.</summary>
public sealed class OutputsProtocolTests : TestKit
{
    [Fact]
    public void Queues_follow_equations_1_to_4_slot_by_slot()
    {
        var (server, policy, clock, channel) = TinyNetwork.Server(this, []);
        // (tokens routed, frequency): every frequency keeps E = ξ·c·d·f² under E_max, so eqs. 1–4 apply unclipped.
        (int Routed, double Frequency)[] slots = [(50, 0.3e9), (120, 1.0e9), (0, 0.5e9), (80, 1.2e9), (10, 0)];
        long q = 0;
        double z = 0;
        long nextId = 0;
        var expectedFifo = new Queue<long>();
        for (var t = 0; t < slots.Length; t++)
        {
            server.Tell(new SlotTick(t, TimeSpan.FromSeconds(t)));
            var status = policy.ExpectMsg<ServerStatus>();
            Assert.Equal((q, z, true), (status.TokenBacklog, status.EnergyBacklog, status.Available));

            var (routed, f) = slots[t];
            var ids = Enumerable.Range(0, routed).Select(_ => nextId++).ToArray();
            foreach (var id in ids)
            {
                expectedFifo.Enqueue(id);
            }

            server.Tell(new TokenDispatch(t, 0, ids, TinyImages.Indices(routed), TinyImages.Pixels(routed), f, TimeSpan.FromSeconds(t)));
            var outputs = channel.ExpectMsg<ExpertOutputs>();

            // Independent oracle, straight from the paper: eq. 1, 3, 2, 4.
            var completed = Math.Min(q + routed, (long)Math.Floor(1.0 * f / TinyNetwork.Cycles));
            var energy = completed == 0 ? 0 : TinyNetwork.Xi * completed * (TinyNetwork.Cycles / f) * f * f * f;
            q = Math.Max(q + routed - completed, 0);
            z = Math.Max(z + energy - TinyNetwork.EnergyAverage, 0);

            Assert.Equal(completed, outputs.TokenIds.Length);
            Assert.Equal(completed * TinyImages.Classes, outputs.Outputs.Length);
            Assert.Equal(Enumerable.Range(0, (int)completed).Select(_ => expectedFifo.Dequeue()), outputs.TokenIds);

            server.Tell(new OutputGradients(t, 0, [], [], outputs.ArrivesAt));
            var report = clock.ExpectMsg<ServerSlotReport>();
            Assert.Equal((routed, completed, q), (report.Routed, report.Completed, report.TokenBacklog));
            Assert.Equal(energy, report.EnergyJoules, 12);
            Assert.Equal(z, report.EnergyBacklog, 12);
            Assert.Equal(f, report.FrequencyHz);
        }
    }

    [Fact]
    public void Outputs_are_stamped_with_the_busy_time_d_com_c_over_f_after_the_dispatch_arrived()
    {
        var (server, policy, _, channel) = TinyNetwork.Server(this, []);
        server.Tell(new SlotTick(0, TimeSpan.FromSeconds(2)));
        policy.ExpectMsg<ServerStatus>();
        server.Tell(new TokenDispatch(0, 0, [0, 1, 2, 3], TinyImages.Indices(4), TinyImages.Pixels(4), 0.2e9, TimeSpan.FromSeconds(2.5)));
        var outputs = channel.ExpectMsg<ExpertOutputs>(o => o.TokenIds.Length == 4);
        // d_com·c/f = 4 tokens · 1e7 cycles / 2e8 Hz = 0.2 s.
        Assert.Equal(TimeSpan.FromSeconds(2.5) + TimeSpan.FromSeconds(4 * TinyNetwork.Cycles / 0.2e9), outputs.ArrivesAt);
        Assert.Equal(TimeSpan.FromSeconds(2.7), outputs.ArrivesAt);
    }

    [Fact]
    public void A_channel_delivers_outputs_to_the_router_later_by_bits_over_rate()
    {
        var router = CreateTestProbe();
        var server = CreateTestProbe();
        var clock = CreateTestProbe();
        var channel = Sys.ActorOf(ChannelActor.Props(0, TinyNetwork.SteadyLink, router.Ref, server.Ref, clock.Ref, TinyNetwork.Seed("channel-0")), "channel-0");
        var sent = TimeSpan.FromSeconds(1.25);
        channel.Tell(new ExpertOutputs(0, 0, [3, 4, 5], new float[3 * TinyImages.Classes], sent));
        var delivered = router.ExpectMsg<ExpertOutputs>();

        var link = TinyNetwork.SteadyLink;
        var rate = link.Subcarriers * link.Budget.SpacingHz * Math.Log2(1 + (link.MeanGain * link.Budget.PowerW / link.Budget.NoiseW));
        Assert.Equal(32.0 * 3 * TinyImages.Classes / rate, (delivered.ArrivesAt - sent).TotalSeconds, 6);
    }

    [Fact]
    public void A_token_is_processed_only_when_all_K_outputs_arrived()
    {
        var (router, policy, clock, channels) = TinyNetwork.Router(this);

        // Slot 0: one token, routed to servers 0 and 2 (K = 2); only server 0 computes it this slot.
        router.Tell(new TokenBatch(0, [7], [1], TinyImages.Indices(1), TinyImages.Pixels(1), TimeSpan.Zero));
        policy.ExpectMsg<DecisionRequest>();
        policy.Reply(new SlotDecision(0, [[0, 2]], [1e9, 1e9, 1e9], 0));
        Assert.Equal([7L], channels[0].ExpectMsg<TokenDispatch>().TokenIds);
        Assert.Empty(channels[1].ExpectMsg<TokenDispatch>().TokenIds);
        Assert.Equal([7L], channels[2].ExpectMsg<TokenDispatch>().TokenIds);

        router.Tell(new ExpertOutputs(0, 0, [7], [0.1f, 0.5f, -0.2f], TimeSpan.Zero));
        router.Tell(new ExpertOutputs(0, 1, [], [], TimeSpan.Zero));
        router.Tell(new ExpertOutputs(0, 2, [], [], TimeSpan.Zero));
        foreach (var channel in channels)
        {
            Assert.Empty(channel.ExpectMsg<OutputGradients>().TokenIds);
        }

        var first = clock.ExpectMsg<RouterSlotReport>();
        Assert.Equal((1, 0), (first.Arrivals, first.Processed));
        Assert.True(double.IsNaN(first.TrainingLoss));

        // Slot 1: no new token; server 2 delivers the missing output, so token 7 is processed now.
        router.Tell(new TokenBatch(1, [], [], [], [], TimeSpan.FromSeconds(1)));
        policy.ExpectMsg<DecisionRequest>();
        policy.Reply(new SlotDecision(1, [], [0, 0, 0], 0));
        foreach (var channel in channels)
        {
            channel.ExpectMsg<TokenDispatch>();
        }

        router.Tell(new ExpertOutputs(1, 0, [], [], TimeSpan.FromSeconds(1)));
        router.Tell(new ExpertOutputs(1, 2, [7], [0.3f, -0.1f, 0.4f], TimeSpan.FromSeconds(1)));
        router.Tell(new ExpertOutputs(1, 1, [], [], TimeSpan.FromSeconds(1)));
        var toServer0 = channels[0].ExpectMsg<OutputGradients>();
        Assert.Empty(channels[1].ExpectMsg<OutputGradients>().TokenIds);
        var toServer2 = channels[2].ExpectMsg<OutputGradients>();
        Assert.Equal([7L], toServer0.TokenIds);
        Assert.Equal([7L], toServer2.TokenIds);

        var second = clock.ExpectMsg<RouterSlotReport>();
        Assert.Equal((0, 1), (second.Arrivals, second.Processed));
        Assert.True(second.TrainingLoss > 0);
    }

    [Fact]
    public void The_router_waits_for_the_outputs_of_every_server_before_it_learns()
    {
        var (router, policy, clock, channels) = TinyNetwork.Router(this);
        router.Tell(new TokenBatch(0, [0], [0], TinyImages.Indices(1), TinyImages.Pixels(1), TimeSpan.Zero));
        policy.ExpectMsg<DecisionRequest>();
        policy.Reply(new SlotDecision(0, [[0, 1]], [1e9, 1e9, 1e9], 0));
        router.Tell(new ExpertOutputs(0, 0, [0], [1f, 0f, 0f], TimeSpan.Zero));
        router.Tell(new ExpertOutputs(0, 1, [0], [0f, 1f, 0f], TimeSpan.Zero));
        clock.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        router.Tell(new ExpertOutputs(0, 2, [], [], TimeSpan.Zero));
        Assert.Equal(1, clock.ExpectMsg<RouterSlotReport>().Processed);
    }

    [Fact]
    public void Outputs_of_another_slot_fail_the_router()
    {
        var (router, policy, _, _) = TinyNetwork.Router(this);
        router.Tell(new TokenBatch(3, [0], [0], TinyImages.Indices(1), TinyImages.Pixels(1), TimeSpan.Zero));
        policy.ExpectMsg<DecisionRequest>();
        EventFilter.Exception<InvalidOperationException>(contains: "for slot 2 while the router is in slot 3").ExpectOne(
            () => router.Tell(new ExpertOutputs(2, 0, [], [], TimeSpan.Zero)));
    }

    [Fact]
    public void The_router_handles_a_slots_outputs_in_canonical_order_whatever_order_they_arrive_in()
    {
        // Servers 0 and 2 arrive at the same virtual time, so the sender index breaks the tie.
        ExpertOutputs[] outputs =
        [
            new(0, 0, [0, 1], [0.5f, -1f, 2f, 1f, 0f, -0.5f], TimeSpan.FromSeconds(0.3)),
            new(0, 1, [0, 2, 3], [0f, 1f, 0.25f, -2f, 1f, 1f, 0.75f, 0.5f, -0.25f], TimeSpan.FromSeconds(0.1)),
            new(0, 2, [1, 2, 3], [1f, 1f, -1f, 0.5f, 0.5f, 2f, -1f, 0f, 3f], TimeSpan.FromSeconds(0.3)),
        ];
        int[][] permutations = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        var results = permutations.Select((order, p) => OneSlot($"router-{p}", [.. order.Select(j => outputs[j])])).ToArray();

        foreach (var result in results[1..])
        {
            Assert.Equal(results[0].Report, result.Report);
            for (var j = 0; j < TinyNetwork.RouterServers; j++)
            {
                Assert.Equal(results[0].Gradients[j].TokenIds, result.Gradients[j].TokenIds);
                Assert.Equal(results[0].Gradients[j].Gradients, result.Gradients[j].Gradients);
            }
        }

        // Every token got its two outputs; the router learns, and sends gradients, at the last arrival.
        Assert.Equal(4, results[0].Report.Processed);
        Assert.Equal(TimeSpan.FromSeconds(0.3), results[0].Report.ArrivesAt);
        Assert.All(results[0].Gradients, g => Assert.Equal(TimeSpan.FromSeconds(0.3), g.ArrivesAt));
    }

    private (RouterSlotReport Report, OutputGradients[] Gradients) OneSlot(string name, IReadOnlyList<ExpertOutputs> arrivals)
    {
        var (router, policy, clock, channels) = TinyNetwork.Router(this, name);
        router.Tell(new TokenBatch(0, [0, 1, 2, 3], [0, 1, 2, 0], TinyImages.Indices(4), TinyImages.Pixels(4), TimeSpan.Zero));
        policy.ExpectMsg<DecisionRequest>();
        policy.Reply(new SlotDecision(0, [[0, 1], [0, 2], [1, 2], [1, 2]], [1e9, 1e9, 1e9], 0));
        foreach (var channel in channels)
        {
            channel.ExpectMsg<TokenDispatch>();
        }

        var sender = CreateTestProbe();
        foreach (var output in arrivals)
        {
            sender.Send(router, output);
        }

        var gradients = channels.Select(c => c.ExpectMsg<OutputGradients>()).ToArray();
        return (clock.ExpectMsg<RouterSlotReport>(), gradients);
    }
}
