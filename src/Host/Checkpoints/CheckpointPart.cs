namespace EdgeMoE.Host.Checkpoints;

/// <summary>One file of a checkpoint, e.g. <c>state.bin</c> (a <see cref="StateWriter"/>'s bytes) or <c>experts.safetensors</c>.</summary>
/// <param name="Name">File name inside the checkpoint folder: letters, digits, '.', '-' and '_' only.</param>
/// <param name="Bytes">The file's content.</param>
public sealed record CheckpointPart(string Name, byte[] Bytes);
