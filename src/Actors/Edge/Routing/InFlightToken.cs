namespace EdgeMoE.Actors.Edge.Routing;

/// <summary>
/// A token the router has routed and not yet processed: what it needs to aggregate and train on it later. When a
/// server it waits for goes down, the router routes that copy again (<see cref="Replace"/>) or gives it up
/// (<see cref="Drop"/>); a token with no expert left waits to be assigned afresh (<see cref="Assign"/>).
/// </summary>
/// <param name="id">Run-wide token number.</param>
/// <param name="label">Its class.</param>
/// <param name="imageIndex">Its image's index in the training set (what a snapshot keeps instead of the pixels).</param>
/// <param name="image">Its image (a slice of the client's batch, read-only).</param>
/// <param name="experts">The servers it was routed to, ascending (empty: none was available).</param>
internal sealed class InFlightToken(long id, int label, int imageIndex, ReadOnlyMemory<float> image, int[] experts)
{
    private int[] _experts = experts;
    private float[]?[] _outputs = new float[]?[experts.Length];
    private int[] _incarnations = new int[experts.Length];

    public long Id { get; } = id;

    public int Label { get; } = label;

    public int ImageIndex { get; } = imageIndex;

    public ReadOnlyMemory<float> Image { get; } = image;

    /// <summary>The output of the expert at <paramref name="position"/> of <see cref="Experts"/>, or null while awaited.</summary>
    public float[]? OutputAt(int position) => _outputs[position];

    /// <summary>A token as a checkpoint kept it: its experts, the outputs already in and who computed them.</summary>
    public static InFlightToken Restored(long id, int label, int imageIndex, ReadOnlyMemory<float> image, int[] experts, float[]?[] outputs, int[] incarnations)
    {
        var token = new InFlightToken(id, label, imageIndex, image, experts);
        if (outputs.Length != experts.Length || incarnations.Length != experts.Length)
        {
            throw new ArgumentException($"token {id}: {experts.Length} experts but {outputs.Length} outputs and {incarnations.Length} incarnations", nameof(outputs));
        }

        token._outputs = outputs;
        token._incarnations = incarnations;
        return token;
    }

    /// <summary>The servers it goes to, ascending.</summary>
    public int[] Experts => _experts;

    /// <summary>True once every expert of <see cref="Experts"/> (at least one) returned its output: the token is then processed.</summary>
    public bool IsComplete => _experts.Length > 0 && Array.TrueForAll(_outputs, o => o is not null);

    /// <summary>True when it has no expert: it waits for a server to become available.</summary>
    public bool IsUnassigned => _experts.Length == 0;

    /// <summary>The outputs y_ij in the order of <see cref="Experts"/>; valid once <see cref="IsComplete"/>.</summary>
    public float[][] Outputs => [.. _outputs.Select(o => o!)];

    /// <summary>The servers whose output it still waits for, ascending.</summary>
    public IEnumerable<int> Missing()
    {
        for (var k = 0; k < _experts.Length; k++)
        {
            if (_outputs[k] is null)
            {
                yield return _experts[k];
            }
        }
    }

    /// <summary>True when it waits for the output of <paramref name="server"/>.</summary>
    public bool AwaitsFrom(int server)
    {
        var position = Array.IndexOf(_experts, server);
        return position >= 0 && _outputs[position] is null;
    }

    /// <summary>The incarnation of the server at <paramref name="position"/> of <see cref="Experts"/> that computed its output.</summary>
    public int IncarnationAt(int position) => _incarnations[position];

    /// <summary>Stores the output of <paramref name="server"/>, computed by its <paramref name="incarnation"/>; returns <see cref="IsComplete"/>.</summary>
    public bool Receive(int server, float[] output, int incarnation)
    {
        var position = Array.IndexOf(_experts, server);
        if (position < 0 || _outputs[position] is not null)
        {
            throw new InvalidOperationException($"token {Id}: unexpected output from server {server}");
        }

        _outputs[position] = output;
        _incarnations[position] = incarnation;
        return IsComplete;
    }

    /// <summary>Sends the copy that waited for <paramref name="failed"/> to <paramref name="replacement"/> instead.</summary>
    public void Replace(int failed, int replacement)
    {
        var position = Array.IndexOf(_experts, failed);
        if (position < 0 || _outputs[position] is not null || Array.IndexOf(_experts, replacement) >= 0)
        {
            throw new InvalidOperationException($"token {Id}: cannot move its copy from server {failed} to server {replacement}");
        }

        _experts[position] = replacement;
        Sort();
    }

    /// <summary>Gives up the copy that waited for <paramref name="failed"/>: the token is processed with its other experts.</summary>
    public void Drop(int failed)
    {
        var position = Array.IndexOf(_experts, failed);
        if (position < 0 || _outputs[position] is not null)
        {
            throw new InvalidOperationException($"token {Id}: no copy waits for server {failed}");
        }

        _experts = [.. _experts[..position], .. _experts[(position + 1)..]];
        _outputs = [.. _outputs[..position], .. _outputs[(position + 1)..]];
        _incarnations = [.. _incarnations[..position], .. _incarnations[(position + 1)..]];
    }

    /// <summary>Routes an unassigned token to <paramref name="servers"/> (ascending, at least one).</summary>
    public void Assign(int[] servers)
    {
        if (!IsUnassigned || servers.Length == 0)
        {
            throw new InvalidOperationException($"token {Id}: already routed, or assigned no server");
        }

        _experts = servers;
        _outputs = new float[]?[servers.Length];
        _incarnations = new int[servers.Length];
    }

    /// <summary>Keeps <see cref="Experts"/> ascending with its outputs, so aggregation sums in the same order on every run.</summary>
    private void Sort()
    {
        var order = Enumerable.Range(0, _experts.Length).OrderBy(k => _experts[k]).ToArray();
        _experts = [.. order.Select(k => _experts[k])];
        _outputs = [.. order.Select(k => _outputs[k])];
        _incarnations = [.. order.Select(k => _incarnations[k])];
    }
}
