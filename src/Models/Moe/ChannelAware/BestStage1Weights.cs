using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// The copy of F, G and the experts at stage 1's best held-out epoch so far (<c>stage1-weights = best</c>): taken
/// whenever an epoch sets a new best, put back once when stage 1 ends. Disposing releases the copy.
/// </summary>
public sealed class BestStage1Weights : IDisposable
{
    private Dictionary<string, Tensor>? _copy;

    /// <summary>The copy's tensors by name, as a checkpoint saves them; null before an epoch set a best and once put back.</summary>
    public IReadOnlyDictionary<string, Tensor>? Tensors => _copy;

    /// <summary>A copy read back from a checkpoint (null: none); this instance then owns and disposes the tensors.</summary>
    public static BestStage1Weights Restored(Dictionary<string, Tensor>? tensors) => new() { _copy = tensors };

    /// <summary>Copies <paramref name="model"/>'s stage-1 weights when the epoch <paramref name="progress"/> observed last set a new best.</summary>
    public void Offer(ChannelAwareMoe model, StoppingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Improved)
        {
            Release();
            _copy = model.SnapshotStage1();
        }
    }

    /// <summary>Puts the copy back into <paramref name="model"/> and releases it; false when there is no copy.</summary>
    public bool RestoreInto(ChannelAwareMoe model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (_copy is null)
        {
            return false;
        }

        model.RestoreStage1(_copy);
        Release();
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => Release();

    private void Release()
    {
        foreach (var tensor in _copy?.Values ?? Enumerable.Empty<Tensor>())
        {
            tensor.Dispose();
        }

        _copy = null;
    }
}
