namespace EdgeMoE.Actors.Runtime;

/// <summary>A child's restart count inside the current retry window (kept on the child, consulted by the parent).</summary>
internal sealed class RestartStatistics
{
    private TimeSpan? _windowStart;

    /// <summary>Restarts granted in the current window.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Akka's rule: no limit when retries &lt; 0 and no window; otherwise count restarts inside the window (a new
    /// window starts when the previous one has passed) and allow at most <paramref name="maxRetries"/>.
    /// </summary>
    public bool RequestPermission(int maxRetries, TimeSpan? window, TimeSpan now)
    {
        if (maxRetries < 0 && window is null)
        {
            Count++;
            return true;
        }

        if (maxRetries == 0)
        {
            return false;
        }

        if (window is null)
        {
            Count++;
            return Count <= maxRetries;
        }

        var limit = maxRetries < 0 ? 1 : maxRetries;
        if (_windowStart is { } start && now - start <= window.Value)
        {
            Count++;
            return Count <= limit;
        }

        _windowStart = now;
        Count = 1;
        return true;
    }
}
