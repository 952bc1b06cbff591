using System.Text;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Tests.Checkpoints;

public sealed class CheckpointStoreTests : IDisposable
{
    private readonly ScratchFolder _run = new();

    public CheckpointStoreTests() => _run.Write("config.conf", "edgemoe.run.seed = 7\n");

    private CheckpointStore Store => new(_run.Path) { Scenario = "stable-moe", Every = 10 };

    private static CheckpointPart[] Parts(long step) =>
    [
        new("state.bin", new StateWriter().Section("clock").Long(step).ToArray()),
        new("experts.safetensors", Encoding.ASCII.GetBytes("weights of step " + step)),
    ];

    [Fact]
    public void A_written_checkpoint_loads_back_with_its_step_interval_and_parts()
    {
        var dir = Store.Write(10, Parts(10));

        var loaded = Store.LoadNewest();

        Assert.Equal(Path.Combine(_run.Path, "checkpoints", "step-00000010"), dir);
        Assert.Equal(10, loaded.Step);
        Assert.Equal(10, loaded.Every);
        Assert.Equal(dir, loaded.Dir);
        Assert.Equal(Parts(10)[1].Bytes, loaded.Part("experts.safetensors"));
        Assert.Equal(10, loaded.Reader("state.bin").Section("clock").Long());
        Assert.True(File.Exists(Path.Combine(dir, "manifest.json")));
    }

    [Fact]
    public void Only_the_newest_two_checkpoints_are_kept()
    {
        foreach (var step in new long[] { 10, 20, 30, 40 })
        {
            Store.Write(step, Parts(step));
        }

        var left = Directory.GetDirectories(Path.Combine(_run.Path, "checkpoints")).Select(d => Path.GetFileName(d)!).Order().ToArray();
        Assert.Equal(new[] { "step-00000030", "step-00000040" }, left);
        Assert.Equal(40, Store.LoadNewest().Step);
    }

    [Fact]
    public void A_leftover_temporary_folder_is_ignored_and_cleaned_by_the_next_write()
    {
        Store.Write(10, Parts(10));
        var leftover = Directory.CreateDirectory(Path.Combine(_run.Path, "checkpoints", ".tmp-20")).FullName;
        File.WriteAllText(Path.Combine(leftover, "state.bin"), "half");

        Assert.Equal(10, Store.LoadNewest().Step);
        Store.Write(20, Parts(20));
        Assert.False(Directory.Exists(leftover));
        Assert.Equal(20, Store.LoadNewest().Step);
    }

    [Fact]
    public void A_truncated_part_is_refused_naming_the_file_and_its_length_and_the_older_checkpoint_is_offered()
    {
        Store.Write(10, Parts(10));
        var newest = Store.Write(20, Parts(20));
        var file = Path.Combine(newest, "experts.safetensors");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..5]);

        var refused = Assert.Throws<BadInputException>(() => Store.LoadNewest());

        Assert.Contains(file, refused.Message);
        Assert.Contains($"truncated: 5 of {bytes.Length} bytes", refused.Message);
        Assert.Contains("the older checkpoint step-00000010 is valid: edgemoe run --resume " + Path.Combine(_run.Path, "checkpoints", "step-00000010"), refused.Message);
    }

    [Fact]
    public void An_altered_part_is_a_hash_mismatch_naming_the_file()
    {
        var dir = Store.Write(10, Parts(10));
        var file = Path.Combine(dir, "state.bin");
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        var refused = Assert.Throws<BadInputException>(() => Store.Load(dir));

        Assert.Contains(file, refused.Message);
        Assert.Contains("hash mismatch", refused.Message);
        Assert.DoesNotContain("older checkpoint", refused.Message);
    }

    [Fact]
    public void A_checkpoint_written_for_another_config_is_refused()
    {
        var dir = Store.Write(10, Parts(10));
        _run.Write("config.conf", "edgemoe.run.seed = 8\n");

        var refused = Assert.Throws<BadInputException>(() => Store.LoadNewest());

        Assert.Contains(Path.Combine(dir, "manifest.json"), refused.Message);
        Assert.Contains("written for another config", refused.Message);
    }

    [Fact]
    public void A_manifest_of_an_unknown_format_is_refused()
    {
        var dir = Store.Write(10, Parts(10));
        var manifest = Path.Combine(dir, "manifest.json");
        // Format 1 kept Stable-MoE token images as pixels; this edgemoe reads format 2 only.
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"format\": {CheckpointManifest.CurrentFormat}", "\"format\": 1", StringComparison.Ordinal));

        var refused = Assert.Throws<BadInputException>(() => Store.LoadNewest());

        Assert.Contains(manifest, refused.Message);
        Assert.Contains("unknown format (format 1; this edgemoe reads format 2)", refused.Message);
        File.WriteAllText(manifest, "not json");
        Assert.Contains("unknown format (unreadable", Assert.Throws<BadInputException>(() => Store.LoadNewest()).Message);
    }

    [Fact]
    public void A_checkpoint_of_another_scenario_is_refused()
    {
        var dir = Store.Write(10, Parts(10));

        var refused = Assert.Throws<BadInputException>(() => new CheckpointStore(_run.Path) { Scenario = "mec" }.Load(dir));

        Assert.Contains("written by scenario stable-moe, not mec", refused.Message);
    }

    [Fact]
    public void A_folder_without_checkpoints_is_refused_naming_it()
    {
        var refused = Assert.Throws<BadInputException>(() => Store.LoadNewest());

        Assert.Contains(Path.Combine(_run.Path, "checkpoints"), refused.Message);
        Assert.Contains("no checkpoint", refused.Message);
    }

    [Fact]
    public void Writing_a_step_again_replaces_it()
    {
        Store.Write(10, Parts(10));
        Store.Write(10, [new CheckpointPart("state.bin", [1, 2, 3])]);

        Assert.Equal([1, 2, 3], Store.LoadNewest().Part("state.bin"));
        Assert.Equal(["step-00000010"], Directory.GetDirectories(Path.Combine(_run.Path, "checkpoints")).Select(d => Path.GetFileName(d)!));
    }

    [Fact]
    public void A_step_renamed_away_for_its_rewrite_when_the_run_was_killed_leaves_the_one_before_as_the_newest()
    {
        Store.Write(10, Parts(10));
        Store.Write(20, Parts(20));
        // A kill between renaming step 20 away and moving its rewrite in.
        Directory.Move(Path.Combine(_run.Path, "checkpoints", "step-00000020"), Path.Combine(_run.Path, "checkpoints", ".tmp-replaced-20"));

        Assert.Equal(10, Store.LoadNewest().Step);
        Store.Write(20, Parts(20));
        Assert.Equal(["step-00000010", "step-00000020"], Directory.GetDirectories(Path.Combine(_run.Path, "checkpoints")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_part_given_again_unchanged_is_shared_with_the_checkpoint_before_and_outlives_it()
    {
        var store = Store;
        var unchanged = new CheckpointPart("rows.bin", [9, 8, 7]);
        store.Write(10, [unchanged, Parts(10)[0]]);
        store.Write(20, [unchanged, Parts(20)[0]]);
        store.Write(30, [unchanged, Parts(30)[0]]);

        Assert.False(Directory.Exists(Path.Combine(_run.Path, "checkpoints", "step-00000010")));
        Assert.Equal([9, 8, 7], Store.Load(Path.Combine(_run.Path, "checkpoints", "step-00000020")).Part("rows.bin"));
        Assert.Equal([9, 8, 7], Store.LoadNewest().Part("rows.bin"));
    }

    public void Dispose() => _run.Dispose();
}
