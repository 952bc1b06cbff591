namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Work an actor runs outside the actor system (<c>RunExternal</c>). In virtual time it counts as busy until its
/// result has been handed to the actor: the awaiting continuation is posted first, then the busy unit is released,
/// so the superstep cannot close in between.
/// </summary>
internal sealed class ExternalWork<T>(Superstep superstep)
{
    // Completed synchronously, so whatever it resumes (an actor's posted continuation, a Task.WhenAll over it) is done
    // before the busy unit goes.
    private readonly TaskCompletionSource<T> _result = new();

    /// <summary>The task the actor awaits: completes with the outside task's result, from the actor system.</summary>
    public Task<T> Result => _result.Task;

    /// <summary>Counts <paramref name="started"/> as busy and forwards its outcome when it completes.</summary>
    public void Track(Task<T> started)
    {
        superstep.EnterBusy();
        started.ContinueWith(
            static (completed, state) => ((ExternalWork<T>)state!).Complete(completed),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Complete(Task<T> completed)
    {
        SystemCompletion.Run(static state => state.Work.Forward(state.Completed), (Work: this, Completed: completed));
        superstep.ExitBusy();
    }

    private void Forward(Task<T> completed)
    {
        if (completed.IsCanceled)
        {
            _result.TrySetCanceled();
        }
        else if (completed.Exception is { } error)
        {
            _result.TrySetException(error.InnerExceptions);
        }
        else
        {
            _result.TrySetResult(completed.Result);
        }
    }
}
