using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeMoE.Host.Checkpoints;

/// <summary>manifest.json of a checkpoint: what was written, for which configuration, and each part's length and hash.</summary>
/// <param name="Format">The layout version; only <see cref="CurrentFormat"/> is read.</param>
/// <param name="Scenario">The <c>edgemoe.run.scenario</c> that wrote it.</param>
/// <param name="ConfigSha256">SHA-256 (hex) of the run's config.conf bytes.</param>
/// <param name="Step">The slot, round or step after which it was written.</param>
/// <param name="Every">The run's checkpoint interval, which a resumed run keeps.</param>
/// <param name="Parts">Every part, in writing order.</param>
internal sealed record CheckpointManifest(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("config_sha256")] string ConfigSha256,
    [property: JsonPropertyName("step")] long Step,
    [property: JsonPropertyName("every")] int Every,
    [property: JsonPropertyName("parts")] IReadOnlyList<CheckpointManifest.Entry> Parts)
{
    // 2: Stable-MoE token images are kept as training-set indices, no longer as pixels.
    public const int CurrentFormat = 2;

    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>One part: its file name, length in bytes and SHA-256 (hex).</summary>
    internal sealed record Entry(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("bytes")] long Bytes,
        [property: JsonPropertyName("sha256")] string Sha256);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>The manifest in <paramref name="json"/>, or null when it is not one of ours (any format).</summary>
    public static CheckpointManifest? Parse(byte[] json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<CheckpointManifest>(json, Options);
            return manifest is { Scenario: not null, ConfigSha256: not null, Parts: not null, Every: >= 1 } && manifest.Parts.All(p => p?.Name is not null && p.Sha256 is not null)
                ? manifest
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
