namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Marks the code on this thread that completes actor-system operations (ask replies, external work handed back by
/// <c>RunExternal</c>): in virtual time a parked async handler may be resumed only from there or from an actor's turn.
/// </summary>
internal static class SystemCompletion
{
    [ThreadStatic]
    private static int _depth;

    /// <summary><c>true</c> while this thread completes an actor-system operation.</summary>
    public static bool IsActive => _depth > 0;

    public static void Run(Action completion)
    {
        _depth++;
        try
        {
            completion();
        }
        finally
        {
            _depth--;
        }
    }

    public static void Run<TState>(Action<TState> completion, TState state)
    {
        _depth++;
        try
        {
            completion(state);
        }
        finally
        {
            _depth--;
        }
    }
}
