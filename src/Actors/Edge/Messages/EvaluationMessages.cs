namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>The router asks a server for its expert's outputs on test images (evaluation, outside the emulated links).</summary>
/// <param name="Slot">The slot after which the evaluation runs.</param>
/// <param name="Pixels">Images, one after the other (possibly none).</param>
public sealed record EvaluationRequest(long Slot, float[] Pixels);

/// <summary>A server's outputs on the images of an <see cref="EvaluationRequest"/> (images × classes floats).</summary>
public sealed record EvaluationOutputs(long Slot, int Server, float[] Outputs);
