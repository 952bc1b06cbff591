using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Scenarios.Checkpoints;
using EdgeMoE.Models.Data;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>
/// A Stable-MoE checkpoint keeps queued tokens' images as training-set indices: a resume gathers the same pixels from
/// the data set, and refuses, naming the file, indices outside it or another data set.
/// </summary>
public sealed class TokenImageCheckpointTests : IDisposable
{
    private const string Policy = "stable-moe";
    private readonly ScratchFolder _run = new();

    public TokenImageCheckpointTests() => _run.Write("config.conf", "edgemoe.run.seed = 7\n");

    private string StateFile => Path.Combine(_run.Path, "checkpoints", "step-00000000", $"policy-{Policy}.bin");

    [Fact]
    public void Queued_tokens_are_written_as_indices_and_resume_with_their_images_pixels()
    {
        var images = Images("synthetic", 10);
        Write(images, [7, 0, 9, 7]);

        var resumed = Resumed(images);

        var server = Assert.Single(resumed.Kept(0).Snapshot!.Actors);
        Assert.Equal([7, 0, 9, 7], server.ImageIndices);
        Assert.Null(server.Images);
        float[] expected = [.. new[] { 7, 0, 9, 7 }.SelectMany(i => images.Train.Image(i).ToArray())];
        Assert.Equal(expected, resumed.Restore(0)!["server-0"].Images!);
        // Four tokens take one varint byte each, not 4 × 4 pixels.
        Assert.True(new FileInfo(StateFile).Length < 200, $"{new FileInfo(StateFile).Length} bytes");
    }

    [Fact]
    public void An_index_outside_the_training_set_is_refused_naming_the_file()
    {
        var images = Images("synthetic", 10);
        Write(images, [3, 10]);

        var refused = Assert.Throws<BadInputException>(() => Resumed(images));

        Assert.Contains($"{StateFile}: corrupt checkpoint in section \"actors\": server-0 holds a token of training image 10, outside the 10 images of synthetic", refused.Message);
    }

    [Fact]
    public void A_checkpoint_of_another_data_set_is_refused_naming_the_file()
    {
        Write(Images("fashion-mnist", 12), [3]);

        var refused = Assert.Throws<BadInputException>(() => Resumed(Images("synthetic", 10)));

        Assert.Contains($"{StateFile}: the checkpoint's tokens come from fashion-mnist (12 training images), this run uses synthetic (10)", refused.Message);
    }

    public void Dispose() => _run.Dispose();

    private CheckpointStore Store => new(_run.Path) { Scenario = Policy, Every = 1 };

    /// <summary>A checkpoint (step 0: the step counts rows) whose only actor, server-0, holds tokens of the given images (no rows: none are needed here).</summary>
    private void Write(TokenImages images, int[] indices)
    {
        var checkpoints = new StableMoeCheckpoints(new Checkpointing(1, null, Store, TextWriter.Null), [Policy], images);
        var server = new ActorSnapshot(0, "server-0", [1, 2, 3], []) { ImageIndices = indices };
        checkpoints.Snapshot(0, new NetworkSnapshot(0, [server]), [], TimeSpan.Zero);
    }

    private StableMoeCheckpoints Resumed(TokenImages images) =>
        new(new Checkpointing(null, Store.LoadNewest(), null, TextWriter.Null), [Policy], images);

    /// <summary><paramref name="count"/> training images of 2×2 pixels whose values identify them.</summary>
    private static TokenImages Images(string name, int count)
    {
        var pixels = Enumerable.Range(0, count * 4).Select(p => p / 100f).ToArray();
        var train = new LabeledImages(pixels, [.. Enumerable.Range(0, count).Select(i => i % 2)], 1, 2, 2, 2);
        return new TokenImages(train, train, name);
    }
}
