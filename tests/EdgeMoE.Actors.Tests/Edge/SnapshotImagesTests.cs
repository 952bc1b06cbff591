using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Tests.Edge;

/// <summary>A server's snapshot keeps its tokens' images as training-set indices; attaching the data set gives the same pixels back.</summary>
public sealed class SnapshotImagesTests : TestKit
{
    private static readonly int[] Drawn = [9, 4, 11, 0, 7];

    [Fact]
    public void A_servers_queued_tokens_round_trip_through_their_indices_to_the_same_pixels()
    {
        var images = TinyImages.Make(12);
        var (original, policy, clock, channel) = TinyNetwork.Server(this, []);
        RunSlotZero(original, policy, clock, channel, images);

        original.Tell(new CaptureState(0));
        var snapshot = ExpectMsg<ActorSnapshot>();

        // Two tokens were computed and trained on; the other three wait in FIFO order, kept as indices, not pixels.
        Assert.Equal([11, 0, 7], snapshot.ImageIndices);
        Assert.Null(snapshot.Images);
        var attached = SnapshotImages.Attach(snapshot, images);
        Assert.Equal([.. Drawn[2..].SelectMany(i => images.Image(i).ToArray())], attached.Images!);

        var (restored, restoredPolicy, _, restoredChannel) = TinyNetwork.Server(this, [], attached, "server-0-restored");
        restored.Tell(new CaptureState(0));
        var again = ExpectMsg<ActorSnapshot>();
        Assert.Equal(snapshot.State, again.State);
        Assert.Equal(snapshot.ImageIndices, again.ImageIndices);

        // Slot 1 computes the queued tokens: the restored server's outputs equal the original's bit for bit.
        var outputs = new[] { (original, policy, channel), (restored, restoredPolicy, restoredChannel) }.Select(s =>
        {
            s.Item1.Tell(new SlotTick(1, TimeSpan.FromSeconds(1)));
            s.Item2.ExpectMsg<ServerStatus>();
            s.Item1.Tell(new TokenDispatch(1, 0, [], [], [], 1e9, TimeSpan.FromSeconds(1)));
            return s.Item3.ExpectMsg<ExpertOutputs>();
        }).ToArray();
        Assert.Equal([102L, 103, 104], outputs[1].TokenIds);
        Assert.Equal(outputs[0].TokenIds, outputs[1].TokenIds);
        Assert.Equal(outputs[0].Outputs.Select(BitConverter.SingleToInt32Bits), outputs[1].Outputs.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void A_server_deployed_without_its_images_holds_messages_back_until_every_part_arrived_in_any_order()
    {
        var images = TinyImages.Make(12);
        var (original, policy, clock, channel) = TinyNetwork.Server(this, []);
        RunSlotZero(original, policy, clock, channel, images);
        original.Tell(new CaptureState(0));
        var snapshot = ExpectMsg<ActorSnapshot>();
        var attached = SnapshotImages.Attach(snapshot, images);

        var (restored, restoredPolicy, _, _) = TinyNetwork.Server(this, [], SnapshotImages.WithoutImages(attached), "server-0-parted");
        // A tick before the images: the server answers it only once restored.
        restored.Tell(new SlotTick(1, TimeSpan.FromSeconds(1)));
        restoredPolicy.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        var size = TinyImages.ImageSize;
        foreach (var k in new[] { 2, 0, 1 })
        {
            restored.Tell(new RestoreImages(k, attached.Images!.AsSpan(k * size, size).ToArray()));
        }

        Assert.Equal(3, restoredPolicy.ExpectMsg<ServerStatus>().TokenBacklog);
        original.Tell(new SlotTick(1, TimeSpan.FromSeconds(1)));
        policy.ExpectMsg<ServerStatus>();
        original.Tell(new CaptureState(1));
        var expected = ExpectMsg<ActorSnapshot>();
        restored.Tell(new CaptureState(1));
        var actual = ExpectMsg<ActorSnapshot>();
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.ImageIndices, actual.ImageIndices);
    }

    [Fact]
    public void Parts_cut_the_images_into_whole_images_within_the_part_size()
    {
        var imageSize = (SnapshotImages.PartFloats / 2) + 1;
        var pixels = Enumerable.Range(0, 3 * imageSize).Select(i => (float)i).ToArray();
        var snapshot = new ActorSnapshot(3, "server-2", [], []) { ImageIndices = [4, 5, 6], Images = pixels };

        var parts = SnapshotImages.Parts(snapshot, imageSize).ToArray();

        Assert.Equal([0, 1, 2], parts.Select(p => p.Offset));
        Assert.All(parts, p => Assert.True(p.Pixels.Length <= SnapshotImages.PartFloats));
        Assert.Equal(pixels, parts.SelectMany(p => p.Pixels));
        Assert.Null(SnapshotImages.WithoutImages(snapshot).Images);
        Assert.True(SnapshotImages.AwaitsImages(SnapshotImages.WithoutImages(snapshot)));
        Assert.Single(SnapshotImages.Parts(snapshot, 1));
    }

    [Fact]
    public void An_index_outside_the_training_set_is_named_and_refused()
    {
        var snapshot = new ActorSnapshot(3, "server-2", [], []) { ImageIndices = [4, 12, -1] };

        Assert.Equal(12, SnapshotImages.FirstOutOfRange(snapshot, 12));
        Assert.Null(SnapshotImages.FirstOutOfRange(snapshot with { ImageIndices = [0, 11] }, 12));
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotImages.Attach(snapshot, TinyImages.Make(12)));
        Assert.Contains("state of server-2 names image 12 of a training set of 12", refused.Message);
    }

    [Fact]
    public void A_snapshot_whose_images_were_not_attached_cannot_restore_an_actor()
    {
        var snapshot = new ActorSnapshot(3, "server-2", [], []) { ImageIndices = [4, 5, 6] };

        var refused = Assert.Throws<InvalidOperationException>(() => new SnapshotImageSource(snapshot, TinyImages.ImageSize));

        Assert.Contains("state of server-2 names 3 token images but carries no pixels", refused.Message);
    }

    /// <summary>Slot 0: five tokens of <see cref="Drawn"/> arrive, two are computed (the cap) and trained on, three stay queued.</summary>
    private static void RunSlotZero(IActorRef server, TestProbe policy, TestProbe clock, TestProbe channel, Models.Data.LabeledImages images)
    {
        server.Tell(new SlotTick(0, TimeSpan.Zero));
        policy.ExpectMsg<ServerStatus>();
        var pixels = new float[Drawn.Length * TinyImages.ImageSize];
        images.Gather(Drawn, pixels, new int[Drawn.Length]);
        server.Tell(new TokenDispatch(0, 0, [100, 101, 102, 103, 104], Drawn, pixels, 1e9, TimeSpan.Zero, CompletionCap: 2));
        Assert.Equal([100L, 101], channel.ExpectMsg<ExpertOutputs>().TokenIds);
        server.Tell(new OutputGradients(0, 0, [100, 101], Enumerable.Repeat(0.5f, 2 * TinyImages.Classes).ToArray(), TimeSpan.FromSeconds(0.5)));
        Assert.Equal(3, clock.ExpectMsg<ServerSlotReport>().QueuedTokens!.Length);
    }
}
