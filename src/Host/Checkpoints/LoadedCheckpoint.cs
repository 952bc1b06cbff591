namespace EdgeMoE.Host.Checkpoints;

/// <summary>A checkpoint whose manifest, config hash and parts were verified.</summary>
/// <param name="Step">The slot, round or step after which it was written.</param>
/// <param name="Dir">Its folder, runDir/checkpoints/step-NNNNNNNN.</param>
/// <param name="Parts">Its parts by name.</param>
public sealed record LoadedCheckpoint(long Step, string Dir, IReadOnlyDictionary<string, byte[]> Parts)
{
    /// <summary>The interval of the run that wrote it (≥ 1), which the resumed run keeps.</summary>
    public int Every { get; init; } = 1;

    /// <summary>The bytes of part <paramref name="name"/>.</summary>
    /// <exception cref="EdgeMoE.Host.Cli.BadInputException">The checkpoint has no such part (written by another scenario or version).</exception>
    public byte[] Part(string name) => Parts.TryGetValue(name, out var bytes)
        ? bytes
        : throw new Cli.BadInputException($"{Path.Combine(Dir, name)}: missing from the checkpoint (it was written by another scenario or version)");

    /// <summary>A reader of part <paramref name="name"/> whose errors name that file.</summary>
    public StateReader Reader(string name) => new(Path.Combine(Dir, name), Part(name));
}
