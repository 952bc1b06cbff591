using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Routing;

namespace EdgeMoE.Actors.Tests.Edge;

public sealed class RouterActorTests : ActorTestKit
{
    private const int Servers = 3;

    [Fact]
    public void A_token_is_processed_only_when_all_K_outputs_arrived()
    {
        var (router, policy, clock, channels) = Start();

        // Slot 0: one token, routed to servers 0 and 2 (K = 2); only server 0 computes it this slot.
        router.Tell(new TokenBatch(0, [7], [1], TinyImages.Pixels(1)));
        var request = policy.ExpectMsg<DecisionRequest>();
        Assert.Equal((1, Servers), (request.Scores.Tokens, request.Scores.Experts));
        policy.Reply(new SlotDecision(0, [[0, 2]], [1e9, 1e9, 1e9], 0));
        Assert.Equal([7L], channels[0].ExpectMsg<TokenDispatch>().TokenIds);
        Assert.Empty(channels[1].ExpectMsg<TokenDispatch>().TokenIds);
        Assert.Equal([7L], channels[2].ExpectMsg<TokenDispatch>().TokenIds);

        router.Tell(new ExpertOutputs(0, 0, [7], [0.1f, 0.5f, -0.2f]));
        router.Tell(new ExpertOutputs(0, 1, [], []));
        router.Tell(new ExpertOutputs(0, 2, [], []));
        foreach (var channel in channels)
        {
            Assert.Empty(channel.ExpectMsg<OutputGradients>().TokenIds);
        }

        var first = clock.ExpectMsg<RouterSlotReport>();
        Assert.Equal((1, 0), (first.Arrivals, first.Processed));
        Assert.True(double.IsNaN(first.TrainingLoss));

        // Slot 1: no new token; server 2 delivers the missing output, so token 7 is processed now.
        router.Tell(new TokenBatch(1, [], [], []));
        policy.ExpectMsg<DecisionRequest>();
        policy.Reply(new SlotDecision(1, [], [0, 0, 0], 0));
        foreach (var channel in channels)
        {
            channel.ExpectMsg<TokenDispatch>();
        }

        router.Tell(new ExpertOutputs(1, 0, [], []));
        router.Tell(new ExpertOutputs(1, 2, [7], [0.3f, -0.1f, 0.4f]));
        router.Tell(new ExpertOutputs(1, 1, [], []));
        var toServer0 = channels[0].ExpectMsg<OutputGradients>();
        Assert.Empty(channels[1].ExpectMsg<OutputGradients>().TokenIds);
        var toServer2 = channels[2].ExpectMsg<OutputGradients>();
        Assert.Equal([7L], toServer0.TokenIds);
        Assert.Equal([7L], toServer2.TokenIds);
        Assert.Equal(TinyImages.Classes, toServer0.Gradients.Length);

        // Both experts get w_j·dL/dy of the same dL/dy, so their gradients are proportional with ratio w_0/w_2 > 0.
        var ratio = toServer0.Gradients[0] / toServer2.Gradients[0];
        Assert.True(ratio > 0);
        for (var c = 1; c < TinyImages.Classes; c++)
        {
            Assert.Equal(ratio, toServer0.Gradients[c] / toServer2.Gradients[c], 4);
        }

        var second = clock.ExpectMsg<RouterSlotReport>();
        Assert.Equal((0, 1), (second.Arrivals, second.Processed));
        Assert.True(second.TrainingLoss > 0);
    }

    [Fact]
    public void Gating_consistency_sums_the_scores_of_the_chosen_experts()
    {
        var (router, policy, clock, channels) = Start();
        router.Tell(new TokenBatch(0, [0, 1], [0, 2], TinyImages.Pixels(2)));
        var scores = policy.ExpectMsg<DecisionRequest>().Scores;
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(1.0, scores.Row(i).ToArray().Sum(), 5);
        }

        policy.Reply(new SlotDecision(0, [[0, 1], [1, 2]], [1e9, 1e9, 1e9], 3.5));
        foreach (var channel in channels)
        {
            channel.ExpectMsg<TokenDispatch>();
        }

        for (var j = 0; j < Servers; j++)
        {
            router.Tell(new ExpertOutputs(0, j, [], []));
        }

        var report = clock.ExpectMsg<RouterSlotReport>();
        Assert.Equal(scores[0, 0] + scores[0, 1] + scores[1, 1] + scores[1, 2], report.GatingConsistency, 5);
        Assert.Equal(3.5, report.Objective);
    }

    [Fact]
    public void Test_accuracy_combines_the_top_K_experts_of_the_gate()
    {
        var (router, _, _, _) = Start();
        var servers = Enumerable.Range(0, Servers).Select(_ => CreateTestProbe()).ToArray();
        router.Tell(new ConnectServers([.. Enumerable.Range(0, Servers).Select(_ => CreateTestProbe().Ref)], [.. servers.Select(s => s.Ref)]));
        var evaluator = CreateTestProbe();
        evaluator.Send(router, new EvaluateModel(0, FullTestSet: true));

        // Six test images, K = 2: every image goes to exactly two servers. Each server answers with logits that favour
        // class 0, so the mixture predicts class 0 everywhere and gets exactly the images labelled 0 right (2 of 6).
        var total = 0;
        for (var j = 0; j < Servers; j++)
        {
            var request = servers[j].ExpectMsg<EvaluationRequest>();
            var images = request.Pixels.Length / TinyImages.ImageSize;
            total += images;
            var logits = new float[images * TinyImages.Classes];
            for (var i = 0; i < images; i++)
            {
                logits[i * TinyImages.Classes] = 5;
            }

            servers[j].Reply(new EvaluationOutputs(0, j, logits));
        }

        Assert.Equal(6 * 2, total);
        Assert.Equal(2.0 / 6, evaluator.ExpectMsg<EvaluationReport>().Accuracy, 12);
    }

    private (IActorRef Router, TestProbe Policy, TestProbe Clock, TestProbe[] Channels) Start()
    {
        var policy = CreateTestProbe();
        var clock = CreateTestProbe();
        var channels = Enumerable.Range(0, Servers).Select(_ => CreateTestProbe()).ToArray();
        var settings = new RouterSettings(Servers, 2, 4, 0.01f, TinyImages.Make(6), [0, 1, 2]);
        var router = ActorOf(Props.Create(() => new RouterActor(settings, policy.Ref, clock.Ref)), "router");
        router.Tell(new ConnectServers([.. channels.Select(c => c.Ref)], [.. channels.Select(c => c.Ref)]));
        return (router, policy, clock, channels);
    }
}
