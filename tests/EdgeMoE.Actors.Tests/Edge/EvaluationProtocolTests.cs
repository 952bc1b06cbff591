using EdgeMoE.Actors.Edge.Clock;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Tests.Edge;

/// <summary>Test accuracy: the clock asks after evaluation slots, the router combines the gate's top-K experts.</summary>
public sealed class EvaluationProtocolTests : TestKit
{
    private static readonly TimeSpan Tau = TimeSpan.FromSeconds(1);

    [Fact]
    public void Accuracy_is_measured_at_the_interval_and_on_the_full_test_set_after_the_last_slot()
    {
        var (clock, client, router, observer) = SlotReportsProtocolTests.Clock(this, new SlotSchedule(4, Tau, EvaluationInterval: 2));
        var evaluated = new List<(long Slot, bool Full)>();
        for (var t = 0; t < 4; t++)
        {
            client.ExpectMsg<SlotTick>();
            SlotReportsProtocolTests.Complete(clock, t, latest: 0.5);
            if (t is 1 or 3)
            {
                var request = router.ExpectMsg<EvaluateModel>();
                evaluated.Add((request.Slot, request.FullTestSet));
                // The slot waits for its accuracy point.
                observer.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
                router.Reply(new EvaluationReport(t, 0.5));
            }

            var metrics = observer.ExpectMsg<SlotMetrics>();
            Assert.Equal(t is 1 or 3 ? 0.5 : null, metrics.TestAccuracy);
            Assert.Equal(t == 3, metrics.FullTestSet);
        }

        Assert.Equal([(1L, false), (3L, true)], evaluated);
        Assert.Equal(4, observer.ExpectMsg<RunCompleted>().Slots);
    }

    [Fact]
    public void Test_accuracy_combines_the_top_K_experts_of_the_gate()
    {
        var (router, _, _, _) = TinyNetwork.Router(this);
        var servers = Enumerable.Range(0, TinyNetwork.RouterServers).Select(_ => CreateTestProbe()).ToArray();
        router.Tell(new ConnectServers([.. servers.Select(_ => CreateTestProbe().Ref)], [.. servers.Select(s => s.Ref)]));
        var evaluator = CreateTestProbe();
        evaluator.Send(router, new EvaluateModel(0, FullTestSet: true));

        // Six test images, K = 2: every image goes to exactly two servers. Each server answers with logits that favour
        // class 0, so the mixture predicts class 0 everywhere and gets exactly the images labelled 0 right (2 of 6).
        var total = 0;
        for (var j = 0; j < TinyNetwork.RouterServers; j++)
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

    [Fact]
    public void The_evaluation_subset_is_used_between_full_evaluations()
    {
        var (router, _, _, channels) = TinyNetwork.Router(this);
        var evaluator = CreateTestProbe();
        evaluator.Send(router, new EvaluateModel(0, FullTestSet: false));
        // The subset holds three images, each sent to K = 2 servers.
        var images = channels.Sum(c => c.ExpectMsg<EvaluationRequest>().Pixels.Length / TinyImages.ImageSize);
        Assert.Equal(3 * 2, images);
    }

    [Fact]
    public void A_server_answers_an_evaluation_with_its_experts_outputs_per_image()
    {
        var (server, _, _, _) = TinyNetwork.Server(this, []);
        var router = CreateTestProbe();
        router.Send(server, new EvaluationRequest(4, TinyImages.Pixels(5)));
        var outputs = router.ExpectMsg<EvaluationOutputs>();
        Assert.Equal((4L, 0, 5 * TinyImages.Classes), (outputs.Slot, outputs.Server, outputs.Outputs.Length));
    }
}
