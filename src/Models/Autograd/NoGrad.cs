namespace EdgeMoE.Models.Autograd;

/// <summary>
/// Disables recording of operations on the current thread while a scope is open
/// (<c>using var _ = NoGrad.Scope();</c>), like PyTorch's <c>torch.no_grad()</c>.
/// </summary>
public static class NoGrad
{
    [ThreadStatic]
    private static int _depth;

    /// <summary>Whether operations on this thread are being recorded for backward.</summary>
    public static bool IsRecording => _depth == 0;

    /// <summary>Opens a scope in which no operation is recorded; dispose to close it.</summary>
    public static Scope Enter()
    {
        _depth++;
        return new Scope(Environment.CurrentManagedThreadId);
    }

    /// <summary>An open no-grad scope; closing it on another thread is an error.</summary>
    public readonly struct Scope(int threadId) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose()
        {
            if (Environment.CurrentManagedThreadId != threadId)
            {
                throw new InvalidOperationException("a NoGrad scope must be closed on the thread that opened it");
            }

            _depth--;
        }
    }
}
