using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Servers;
using EdgeMoE.Models.Compute;

namespace EdgeMoE.Actors.Tests.Edge;

public sealed class ExpertServerActorTests : ActorTestKit
{
    private const double Cycles = 1e7;
    private const double Xi = 2e-27;
    private const double EnergyCap = 15;
    private const double EnergyAverage = 2;

    private static readonly ServerProfile Profile = new(Cycles, Xi, 1.0, 3e9, EnergyCap, EnergyAverage);

    [Fact]
    public void Queues_follow_equations_1_to_4_slot_by_slot()
    {
        var (server, policy, clock, channel) = Start([]);
        // (tokens routed, frequency): every frequency keeps E = ξ·c·d·f² under E_max, so eqs. 1–4 apply unclipped.
        (int Routed, double Frequency)[] slots = [(50, 0.3e9), (120, 1.0e9), (0, 0.5e9), (80, 1.2e9), (10, 0)];
        long q = 0;
        double z = 0;
        long nextId = 0;
        var expectedFifo = new Queue<long>();
        for (var t = 0; t < slots.Length; t++)
        {
            server.Tell(new SlotTick(t));
            var status = policy.ExpectMsg<ServerStatus>();
            Assert.Equal((q, z, true), (status.TokenBacklog, status.EnergyBacklog, status.Available));

            var (routed, f) = slots[t];
            var ids = Enumerable.Range(0, routed).Select(_ => nextId++).ToArray();
            foreach (var id in ids)
            {
                expectedFifo.Enqueue(id);
            }

            server.Tell(new TokenDispatch(t, 0, ids, TinyImages.Pixels(routed), f));
            var outputs = channel.ExpectMsg<ExpertOutputs>();

            // Independent oracle, straight from the paper: eq. 1, 3, 2, 4.
            var completed = Math.Min(q + routed, (long)Math.Floor(1.0 * f / Cycles));
            var energy = Xi * completed * (Cycles / f) * f * f * f;
            if (completed == 0)
            {
                energy = 0;
            }

            q = Math.Max(q + routed - completed, 0);
            z = Math.Max(z + energy - EnergyAverage, 0);

            Assert.Equal(completed, outputs.TokenIds.Length);
            Assert.Equal(completed * TinyImages.Classes, outputs.Outputs.Length);
            Assert.Equal(Enumerable.Range(0, (int)completed).Select(_ => expectedFifo.Dequeue()), outputs.TokenIds);

            server.Tell(new OutputGradients(t, 0, [], []));
            var report = clock.ExpectMsg<ServerSlotReport>();
            Assert.Equal(routed, report.Routed);
            Assert.Equal(completed, report.Completed);
            Assert.Equal(q, report.TokenBacklog);
            Assert.Equal(energy, report.EnergyJoules, 12);
            Assert.Equal(z, report.EnergyBacklog, 12);
            Assert.Equal(f, report.FrequencyHz);
        }
    }

    [Fact]
    public void Outputs_leave_after_the_busy_time_of_the_completed_tokens()
    {
        var (server, policy, _, channel) = Start([]);
        server.Tell(new SlotTick(0));
        policy.ExpectMsg<ServerStatus>();
        var start = Sys.Now;
        server.Tell(new TokenDispatch(0, 0, [0, 1, 2, 3], TinyImages.Pixels(4), 0.2e9));
        channel.ExpectMsg<ExpertOutputs>(o => o.TokenIds.Length == 4);
        // d·c/f = 4 tokens · 1e7 cycles / 2e8 Hz.
        Assert.Equal(TimeSpan.FromSeconds(0.2), Sys.Now - start);
    }

    [Fact]
    public void A_server_in_outage_says_so_and_computes_nothing()
    {
        var (server, policy, clock, channel) = Start([new OutageWindow(1, 3)]);
        for (var t = 0; t < 4; t++)
        {
            server.Tell(new SlotTick(t));
            var expectAvailable = t is not (1 or 2);
            Assert.Equal(expectAvailable, policy.ExpectMsg<ServerStatus>().Available);
            server.Tell(new TokenDispatch(t, 0, [], [], 1e9));
            channel.ExpectMsg<ExpertOutputs>();
            server.Tell(new OutputGradients(t, 0, [], []));
            var report = clock.ExpectMsg<ServerSlotReport>();
            Assert.Equal(expectAvailable, report.Available);
            Assert.Equal(expectAvailable ? 1e9 : 0, report.FrequencyHz);
        }
    }

    [Fact]
    public void Training_on_returned_gradients_changes_the_experts_outputs()
    {
        var (server, policy, clock, channel) = Start([]);
        server.Tell(new SlotTick(0));
        policy.ExpectMsg<ServerStatus>();
        var pixels = TinyImages.Pixels(3);
        server.Tell(new TokenDispatch(0, 0, [0, 1, 2], pixels, 1e9));
        var before = channel.ExpectMsg<ExpertOutputs>();
        var gradients = Enumerable.Repeat(0.5f, 3 * TinyImages.Classes).ToArray();
        server.Tell(new OutputGradients(0, 0, [0, 1, 2], gradients));
        Assert.Equal(3, clock.ExpectMsg<ServerSlotReport>().Trained);

        var probe = CreateTestProbe();
        probe.Send(server, new EvaluationRequest(0, pixels));
        var after = probe.ExpectMsg<EvaluationOutputs>();
        Assert.NotEqual(before.Outputs, after.Outputs);
        // A positive gradient on every output lowers every output under gradient descent.
        Assert.True(after.Outputs.Sum() < before.Outputs.Sum());
    }

    private (IActorRef Server, TestProbe Policy, TestProbe Clock, TestProbe Channel) Start(IReadOnlyList<OutageWindow> outages)
    {
        var policy = CreateTestProbe();
        var clock = CreateTestProbe();
        var channel = CreateTestProbe();
        var settings = new ExpertServerSettings(0, Profile, TinyImages.Network, TinyImages.Classes, 0.05f, outages);
        var server = ActorOf(Props.Create(() => new ExpertServerActor(settings, policy.Ref, clock.Ref, channel.Ref)), "server-0");
        return (server, policy, clock, channel);
    }
}
