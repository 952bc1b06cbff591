using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Serialization;
using EdgeMoE.Actors.Cluster.Wire;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Servers;
using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Evaluation;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Moe.Federated;
using Xunit.Abstractions;

namespace EdgeMoE.Actors.Tests.Cluster.Wire;

/// <summary>The wire format through Akka's serialization in a remoting system: round trips, bindings, bad bytes, layout.</summary>
public sealed class EdgeMoeSerializerTests : TestKit
{
    private readonly ITestOutputHelper _output;

    public EdgeMoeSerializerTests(ITestOutputHelper output)
        : base(LoopbackRemoting.WithWire, output: output) => _output = output;

    public static TheoryData<string> Manifests => [.. EdgeMoeWire.Formats.Select(f => f.Manifest)];

    private IReadOnlyDictionary<string, object> Samples => WireSamples.All(TestActor);

    [Fact]
    public void Every_type_on_the_wire_has_a_sample_and_a_unique_manifest()
    {
        Assert.Equal(EdgeMoeWire.Formats.Select(f => f.Manifest).Order(), Samples.Keys.Order());
        Assert.Equal(EdgeMoeWire.Formats.Count, EdgeMoeWire.Formats.Select(f => f.Type).Distinct().Count());
        Assert.All(Samples, s => Assert.Equal(EdgeMoeWire.Formats.Single(f => f.Manifest == s.Key).Type, s.Value.GetType()));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Each_type_is_bound_to_our_serializer_and_comes_back_bit_for_bit(string manifest)
    {
        var message = Samples[manifest];

        var serializer = Sys.Serialization.FindSerializerFor(message);
        Assert.IsType<EdgeMoeSerializer>(serializer);
        Assert.Equal(EdgeMoeSerializer.Id, serializer.Identifier);
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, message));

        var bytes = serializer.ToBinary(message);
        var back = Sys.Serialization.Deserialize(bytes, EdgeMoeSerializer.Id, manifest);
        Assert.Null(StructuralEquality.Difference(message, back));
    }

    [Fact]
    public void Links_without_distortion_or_with_analog_distortion_come_back()
    {
        foreach (var link in WireSamples.OtherLinks())
        {
            Assert.Null(StructuralEquality.Difference(link, RoundTrip(link)));
        }
    }

    [Fact]
    public void Server_settings_with_a_tiny_mlp_expert_come_back()
    {
        var cnn = (ExpertServerSettings)Samples["xss"];
        var mlp = cnn with { Network = new MlpOptions(16, [16, 8]) };
        var back = (ExpertServerSettings)RoundTrip(mlp);
        Assert.Null(StructuralEquality.Difference(mlp, back));
        Assert.Equal([16, 8], ((MlpOptions)back.Network).Hidden);
    }

    [Fact]
    public void A_later_layer_start_without_pixels_comes_back_without_them()
    {
        var start = new EdgeMoE.Actors.Jesa.Messages.StartLayer(3, 5, null, -1);
        var back = (EdgeMoE.Actors.Jesa.Messages.StartLayer)RoundTrip(start);
        Assert.Null(back.Pixels);
        Assert.Null(StructuralEquality.Difference(start, back));
    }

    [Fact]
    public void Nmoe_messages_with_their_other_optional_member_come_back()
    {
        object[] messages =
        [
            new TrainRound(FederatedTask.FedCe, 1, WireSamples.Weights(), null),
            new RoundUpdate(0, FederatedTask.FedSc, 2, WireSamples.Weights(), 0.25, null),
            new Infer(ExtractorKind.FedCe, GateKind.RollGate, WireSamples.Weights()),
            new RestoreClientState(WireSamples.ClientState()),
        ];
        foreach (var message in messages)
        {
            Assert.Null(StructuralEquality.Difference(message, RoundTrip(message)));
        }
    }

    [Fact]
    public void A_client_state_comes_back_with_each_dictionary_in_its_own_order()
    {
        var state = WireSamples.ClientState();
        var back = ((ClientStateCaptured)RoundTrip(new ClientStateCaptured(1, state))).State;
        Assert.Equal(["zeta-rangate", "FedCe-expert-init · é", "empty"], back.Randoms.Keys);
        Assert.Equal(["gate-FedSc-RollGate", "expert-FedCe"], back.Networks.Keys);
        Assert.Equal(["fedce", "expert-FedCe"], back.Optimisers.Keys);
        Assert.Equal([ulong.MaxValue, 0, 1UL << 63, 12_345], back.Randoms["zeta-rangate"]);
    }

    [Fact]
    public void A_client_setup_of_fashion_mnist_like_images_travels_at_about_one_byte_a_pixel()
    {
        LabeledImages Images(int count, int offset) => new(
            [.. Enumerable.Range(0, count * 784).Select(i => ((i * 7) + (i / 784) + offset) % 256 / 255f)],
            [.. Enumerable.Range(0, count).Select(i => (i + offset) % 10)],
            1,
            28,
            28,
            10);
        var sample = WireSamples.NmoeSetup();
        var setup = sample with { Data = new ClientDataSplit(Images(2_500, 0), Images(1_000, 3)) };
        var pixels = (2_500 + 1_000) * 784;

        var watch = Stopwatch.StartNew();
        var bytes = Serializer().ToBinary(setup);
        var written = watch.Elapsed;
        var back = Serializer().FromBinary(bytes, "nsetup");
        var read = watch.Elapsed - written;

        Assert.Null(StructuralEquality.Difference(setup, back));
        // One byte a pixel, one a label (a varint below 64) and a header of a few dozen bytes.
        Assert.InRange(bytes.Length, pixels, pixels + 3_500 + 256);
        _output.WriteLine(
            $"NmoeClientSetup of 2,500 + 1,000 28x28 images: {bytes.Length:N0} bytes for {pixels:N0} pixels " +
            $"({(double)bytes.Length / pixels:F4} a pixel; float32 would be {pixels * 4:N0}); written in {written.TotalMilliseconds:F1} ms, read in {read.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public void Test_images_of_8_bit_levels_go_to_a_server_at_one_byte_a_pixel()
    {
        const int Pixels = 500 * 784;
        var request = new EvaluationRequest(12, [.. Enumerable.Range(0, Pixels).Select(i => ((i * 13) + (i / 784)) % 256 / 255f)]);

        var bytes = Serializer().ToBinary(request);
        var back = (EvaluationRequest)Serializer().FromBinary(bytes, "evq");

        Assert.Equal(12, back.Slot);
        Assert.Equal(MemoryMarshal.AsBytes(request.Pixels.AsSpan()).ToArray(), MemoryMarshal.AsBytes(back.Pixels.AsSpan()).ToArray());
        Assert.InRange(bytes.Length, Pixels, Pixels + 16);
    }

    [Fact]
    public void An_actor_reference_comes_back_as_the_same_actor_and_still_delivers()
    {
        var back = (ConnectChannel)RoundTrip(new ConnectChannel(TestActor));
        Assert.Equal(TestActor, back.Channel);
        back.Channel.Tell(new EvaluateModel(1, false));
        ExpectMsg<EvaluateModel>();
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_strict_prefix_fails_naming_the_type(string manifest)
    {
        var message = Samples[manifest];
        var serializer = Serializer();
        var bytes = serializer.ToBinary(message);
        for (var length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes[..length], manifest));
            Assert.StartsWith($"EdgeMoE wire: {message.GetType().Name}: ", error.Message);
        }
    }

    [Fact]
    public void Trailing_bytes_fail_naming_the_type()
    {
        byte[] bytes = [.. Serializer().ToBinary(new SlotTick(3, TimeSpan.FromSeconds(1))), (byte)0];
        var error = Assert.Throws<SerializationException>(() => Serializer().FromBinary(bytes, "tick"));
        Assert.Contains("SlotTick: 1 trailing bytes", error.Message);
    }

    [Fact]
    public void An_unknown_manifest_fails_naming_it()
    {
        var error = Assert.Throws<SerializationException>(() => Serializer().FromBinary([1, 2, 3], "nope"));
        Assert.Contains("unknown manifest 'nope'", error.Message);
    }

    [Fact]
    public void A_value_without_a_wire_format_fails_naming_its_type()
    {
        var error = Assert.Throws<SerializationException>(() => Serializer().ToBinary(new RunCompleted(3)));
        Assert.Contains(typeof(RunCompleted).FullName!, error.Message);
    }

    [Theory]
    [InlineData("disp", new byte[] { 2, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x08, 1, 2, 3 }, "TokenDispatch: length 2147483648")]
    [InlineData("disp", new byte[] { 2, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 1, 2, 3 }, "TokenDispatch: length 2147483647")]
    [InlineData("batch", new byte[] { 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 1, 2, 3 }, "TokenBatch: length 2147483647")]
    [InlineData("seed", new byte[] { 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 65, 66 }, "ActorSeed: length 2147483647")]
    [InlineData("dec", new byte[] { 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0, 0 }, "SlotDecision: length 2147483647")]
    [InlineData("req", new byte[] { 2, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0, 0 }, "DecisionRequest: length 4611686014132420609")]
    [InlineData("tick", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "SlotTick: varint")]
    [InlineData("link", new byte[] { 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7 }, "LinkSettings: unknown transmission tag 7")]
    public void A_huge_or_malformed_claim_fails_without_allocating(string manifest, byte[] bytes, string expected)
    {
        var serializer = Serializer();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<SerializationException>(() => serializer.FromBinary(bytes, manifest));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains(expected, error.Message);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_dispatch_carries_its_pixels_as_raw_little_endian_float32_plus_a_few_bytes()
    {
        var dispatch = BigDispatch();
        var bytes = Serializer().ToBinary(dispatch);

        var pixelBytes = new byte[dispatch.Pixels.Length * sizeof(float)];
        for (var i = 0; i < dispatch.Pixels.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(pixelBytes.AsSpan(i * sizeof(float)), dispatch.Pixels[i]);
        }

        Assert.True(bytes.AsSpan().IndexOf(pixelBytes) > 0);
        // Besides the floats: one byte per token id (differences of ids in routing order), three per image index (a
        // zig-zag varint below 60,000) and a few dozen of header.
        var overhead = bytes.Length - pixelBytes.Length;
        Assert.InRange(overhead, 4 * dispatch.TokenIds.Length, (4 * dispatch.TokenIds.Length) + 40);
        _output.WriteLine($"TokenDispatch 117x784: {bytes.Length} bytes, {overhead} besides the floats");
    }

    [Fact]
    public void A_full_dispatch_round_trips_and_reports_its_speed()
    {
        var dispatch = BigDispatch();
        var serializer = Serializer();
        var payload = dispatch.Pixels.Length * sizeof(float);
        const int Repeats = 200;
        var rates = new List<double>();
        TokenDispatch back = dispatch;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Repeats; i++)
            {
                back = (TokenDispatch)serializer.FromBinary(serializer.ToBinary(dispatch), "disp");
            }

            rates.Add(payload * (double)Repeats / watch.Elapsed.TotalSeconds / 1e6);
        }

        // The reference on the same (possibly loaded) machine: one allocation and copy of the payload.
        var copies = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < Repeats; i++)
            {
                MemoryMarshal.AsBytes(dispatch.Pixels.AsSpan()).CopyTo(GC.AllocateUninitializedArray<byte>(payload));
            }

            copies.Add(payload * (double)Repeats / watch.Elapsed.TotalSeconds / 1e6);
        }

        Assert.Null(StructuralEquality.Difference(dispatch, back));
        _output.WriteLine(
            $"TokenDispatch 117x784 serialize+deserialize: median {rates.Order().ElementAt(2):F0} MB/s of payload " +
            $"(runs: {string.Join(", ", rates.Select(r => r.ToString("F0")))}); one allocate+copy of it: median {copies.Order().ElementAt(2):F0} MB/s");
    }

    private static TokenDispatch BigDispatch()
    {
        var pixels = new float[117 * 784];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)Math.Sin(i * 0.37) * 3;
        }

        pixels[5] = WireSamples.NaNWithPayload;
        pixels[6] = -0f;
        pixels[7] = float.Epsilon;
        var ids = Enumerable.Range(0, 117).Select(i => 4_000_000_000L + (i * 3)).ToArray();
        return new TokenDispatch(1_000, 7, ids, [.. Enumerable.Range(0, 117).Select(i => 59_000 + i)], pixels, 2.4e9, TimeSpan.FromSeconds(1000.5));
    }

    private EdgeMoeSerializer Serializer() => (EdgeMoeSerializer)Sys.Serialization.FindSerializerForType(typeof(TokenDispatch));

    private object RoundTrip(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        return Sys.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
    }
}
