namespace EdgeMoE.Actors.Edge.Routing;

/// <summary>A token the router has routed and not yet processed: what it needs to aggregate and train on it later.</summary>
/// <param name="Id">Run-wide token number.</param>
/// <param name="Label">Its class.</param>
/// <param name="Image">Its image (a slice of the client's batch, read-only).</param>
/// <param name="Experts">The servers it was routed to, ascending.</param>
internal sealed class InFlightToken(long id, int label, ReadOnlyMemory<float> image, int[] experts)
{
    private readonly float[]?[] _outputs = new float[]?[experts.Length];
    private int _received;

    public long Id { get; } = id;

    public int Label { get; } = label;

    public ReadOnlyMemory<float> Image { get; } = image;

    public int[] Experts { get; } = experts;

    /// <summary>True once every expert of <see cref="Experts"/> returned its output: the token is then processed.</summary>
    public bool IsComplete => _received == Experts.Length;

    /// <summary>The outputs y_ij in the order of <see cref="Experts"/>; valid once <see cref="IsComplete"/>.</summary>
    public float[][] Outputs => [.. _outputs.Select(o => o!)];

    /// <summary>Stores the output of <paramref name="server"/>; returns <see cref="IsComplete"/>.</summary>
    public bool Receive(int server, float[] output)
    {
        var position = Array.IndexOf(Experts, server);
        if (position < 0 || _outputs[position] is not null)
        {
            throw new InvalidOperationException($"token {Id}: unexpected output from server {server}");
        }

        _outputs[position] = output;
        _received++;
        return IsComplete;
    }
}
