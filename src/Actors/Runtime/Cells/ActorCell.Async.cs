namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Async handlers (Akka's RunTask): the handler and each of its continuations run as turns of this actor, posted
/// through the actor's <see cref="ActorSynchronizationContext"/>; the mailbox stays closed until the handler's task
/// completes, and its failure is the actor's failure. Virtual-time accounting of a suspended handler: it counts as
/// busy (the superstep waits for it) unless an ask or a <c>Delay</c> of it is in flight; then it is parked, and only the
/// actor system (an ask reply, an elapsed delay, a <c>RunExternal</c> result, another actor's turn) may resume it.
/// </summary>
internal sealed partial class ActorCell
{
    private bool HasPostedContinuations => _extras?.Posted is { Count: > 0 };

    public void RunTask(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var extras = Extras;
        if (extras.Awaiting)
        {
            throw new InvalidOperationException($"{Path} already runs an async handler; await the work inside it instead of starting another RunTask.");
        }

        // Awaiting from the start: a continuation posted before the handler first yields must see it suspended.
        var context = new ActorSynchronizationContext(this);
        lock (extras)
        {
            extras.Awaiting = true;
            extras.TurnContext = context;
        }

        Task task;
        try
        {
            task = RunAsActor(work, context);
        }
        catch
        {
            context.Retire();
            AbandonHandler(extras);
            throw;
        }

        if (task.IsCompleted)
        {
            AbandonHandler(extras);
            if (!task.IsCompletedSuccessfully)
            {
                context.Retire();
            }

            task.GetAwaiter().GetResult();
            return;
        }

        lock (extras)
        {
            extras.Handler = task;
        }

        task.ContinueWith(
            static (completed, state) => ((ActorCell)state!).PostContinuation(null, completed, null),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public Task<T> RunExternal<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!IsRunningOnThisThread)
        {
            throw new InvalidOperationException($"{Path}: RunExternal is called from the actor's own code (a handler or its continuation), not from other threads.");
        }

        var started = RunAsActor(work, context: null) ?? Task.FromException<T>(new InvalidOperationException($"{Path}: the work given to RunExternal returned no task."));
        if (_system.Superstep is not { } superstep || started.IsCompleted)
        {
            return started;
        }

        var external = new ExternalWork<T>(superstep);
        external.Track(started);
        return external.Result;
    }

    public Task RunExternal(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunExternal(async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        });
    }

    public Task Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);

        // An ask of the clock: the timer keeps this actor's ordering key, and the actor's async code parks on it.
        var awaiting = ReferenceEquals(AsyncOwner.Value, this) ? Extras : null;
        var promise = new PromiseActorRef<DelayElapsed>(_system, _system.NextTemporaryPath(), _self, awaiting);
        promise.ArmTimeout(_system.Timers.ScheduleEnvelope(delay, promise, new Envelope(DelayElapsed.Instance, null)));
        if (awaiting is not null && _system.Superstep is not null)
        {
            Superstep.AskStarted(awaiting);
        }

        return promise.Task;
    }

    /// <summary>
    /// A continuation of this actor's async code (or, with no callback, the handler's completion) becomes a turn of the
    /// actor. In virtual time it releases a counted handler's busy unit only once the cell is runnable, and a
    /// resumption of a parked handler from outside the actor system is marked so the turn fails the actor instead.
    /// </summary>
    internal void PostContinuation(SendOrPostCallback? callback, object? state, ActorSynchronizationContext? context)
    {
        var extras = Extras;
        var superstep = _system.Superstep;
        var wasCounted = false;
        lock (extras)
        {
            var fromOutside = false;
            if (superstep is not null)
            {
                wasCounted = extras.Accounting == AsyncAccounting.Counted;
                fromOutside = !wasCounted && !IsInsideActorSystem && IsParked(extras);
                extras.Accounting = AsyncAccounting.None;
            }

            (extras.Posted ??= new Queue<PostedContinuation>()).Enqueue(new PostedContinuation(callback, state, context, fromOutside));
        }

        Schedule();
        if (wasCounted)
        {
            superstep!.ExitBusy();
        }
    }

    // Code runs inside the actor system when it is some actor's turn or completes a system operation on this thread.
    private static bool IsInsideActorSystem => _running is not null || SystemCompletion.IsActive;

    // Parked: settled as parked, or about to be (suspended with an ask or delay in flight, not yet settled by its turn).
    private static bool IsParked(ActorCellExtras extras) =>
        extras.Accounting == AsyncAccounting.Parked || (extras.Awaiting && extras.PendingAsks > 0);

    /// <summary>Runs what was posted, in order; <c>true</c> when the handler ended and the mailbox reopened.</summary>
    private bool RunPostedContinuations()
    {
        if (_extras is not { Posted: not null } extras)
        {
            return false;
        }

        // Code left over from a handler abandoned before a stop must not run after PostStop.
        if (IsTerminated)
        {
            lock (extras)
            {
                extras.Posted.Clear();
            }

            return false;
        }

        var ended = false;
        while (TryTakePosted(extras, out var posted))
        {
            if (posted.FromOutside)
            {
                posted.Context?.Retire();
                ended |= AbandonHandler(extras);
                HandleInvokeFailure(new UntrackedAwaitException(
                    _self,
                    $"{Path}: an async handler waiting on an ask or Context.Delay was resumed from outside the actor system (e.g. a raw Task.Run or Task.Delay), " +
                    "so the virtual-time superstep it resumes in would depend on thread timing. Await such work through Context.RunExternal."));
            }
            else if (posted.Callback is null)
            {
                ended |= EndAwait((Task)posted.State!, extras);
            }
            else
            {
                RunContinuation(posted.Callback, posted.State, posted.Context);
            }
        }

        return ended;
    }

    private static bool TryTakePosted(ActorCellExtras extras, out PostedContinuation posted)
    {
        lock (extras)
        {
            return extras.Posted!.TryDequeue(out posted);
        }
    }

    private void RunContinuation(SendOrPostCallback callback, object? state, ActorSynchronizationContext? context)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            callback(state);
        }
        catch (Exception cause)
        {
            // An async method keeps its exceptions in its task; only async void code or a foreign callback lands here.
            HandleInvokeFailure(cause);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    // A handler abandoned after a failure may still complete later; only the current one reopens the mailbox.
    private bool EndAwait(Task task, ActorCellExtras extras)
    {
        if (!ReferenceEquals(task, extras.Handler))
        {
            return false;
        }

        if (!task.IsCompletedSuccessfully)
        {
            extras.TurnContext?.Retire();
        }

        if (task.Exception is { } error)
        {
            HandleInvokeFailure(error.InnerExceptions.Count == 1 ? error.InnerExceptions[0] : error);
        }
        else if (task.IsCanceled)
        {
            HandleInvokeFailure(new TaskCanceledException(task));
        }

        return AbandonHandler(extras);
    }

    private static bool AbandonHandler(ActorCellExtras extras)
    {
        lock (extras)
        {
            var wasAwaiting = extras.Awaiting;
            extras.Handler = null;
            extras.Awaiting = false;
            return wasAwaiting;
        }
    }

    /// <summary>
    /// Virtual time, at the end of a turn: a handler left suspended with nothing posted is parked when an ask or delay of
    /// it is in flight (its completion needs a later superstep), else counted as busy until something resumes it.
    /// </summary>
    private void SettleAwait()
    {
        if (_system.Superstep is not { } superstep || _extras is not { Awaiting: true } extras)
        {
            return;
        }

        lock (extras)
        {
            if (!extras.Awaiting || extras.Accounting != AsyncAccounting.None || extras.Posted is { Count: > 0 })
            {
                return;
            }

            if (extras.PendingAsks > 0)
            {
                extras.Accounting = AsyncAccounting.Parked;
            }
            else
            {
                extras.Accounting = AsyncAccounting.Counted;
                superstep.EnterBusy();
            }
        }
    }

    // The actor's code runs as the async owner under the given context (none for work handed outside the actor).
    private TResult RunAsActor<TResult>(Func<TResult> work, ActorSynchronizationContext? context)
    {
        var previousOwner = AsyncOwner.Value;
        var previousContext = SynchronizationContext.Current;
        AsyncOwner.Value = context is null ? null : this;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            return work();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previousContext);
            AsyncOwner.Value = previousOwner;
        }
    }
}
