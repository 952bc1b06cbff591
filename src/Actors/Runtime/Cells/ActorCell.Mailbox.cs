namespace EdgeMoE.Actors.Runtime;

/// <summary>Mailbox and turns: system messages overtake user messages; a turn processes up to <c>Throughput</c> user messages.</summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    // Marks a closed system mailbox: anything pushed after termination is handled as sent to a dead actor.
    private static readonly SystemMessage Closed = new Terminate();

    private SystemMessage? _systemHead;
    private int _scheduled;

    /// <summary>A full back-pressure mailbox: virtual time keeps further messages in flight.</summary>
    internal bool HoldsBackSenders => _queue.BacksPressure && _queue.IsFull && !IsTerminated;

    private bool CanProcessUser =>
        _state == CellState.Running && _suspendCount == 0 && _actor is not null && !(_extras?.Awaiting ?? false);

    private bool HasWork
    {
        get
        {
            var head = Volatile.Read(ref _systemHead);
            if (head is not null && !ReferenceEquals(head, Closed) && !(_extras?.Awaiting ?? false))
            {
                return true;
            }

            return HasPostedContinuations || (CanProcessUser && (_queue.HasMessages || _extras?.Prepended is { Count: > 0 }));
        }
    }

    public void EnqueueUser(in Envelope envelope)
    {
        if (IsTerminated || !_queue.TryEnqueue(envelope, mayWait: _system.Superstep is null && !ReferenceEquals(_running, this)))
        {
            DeadLetter(envelope);
            return;
        }

        // Termination may have drained the queue between the check and the enqueue.
        if (IsTerminated)
        {
            DrainUserMessages();
            return;
        }

        Schedule();
    }

    public void EnqueueSystem(SystemMessage message)
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (ReferenceEquals(head, Closed))
            {
                HandleWhenDead(message);
                return;
            }

            message.Next = head;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, message, head), head))
            {
                break;
            }
        }

        Schedule();
    }

    /// <summary>Real time: one turn on a worker of the system's <see cref="ActorThreadPool"/> (or the actor's dedicated thread).</summary>
    public void Execute()
    {
        var previous = _running;
        _running = this;
        try
        {
            Process(_throughput);
        }
        finally
        {
            _running = previous;
        }

        Release();
        if (HasWork)
        {
            Schedule();
        }
    }

    /// <summary>Virtual time: claims the cell for a turn; <c>false</c> when someone else holds it.</summary>
    internal bool TryClaim() => Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;

    /// <summary>Virtual time: processes everything delivered so far (the cell has been claimed).</summary>
    internal void RunClaimedTurns()
    {
        while (true)
        {
            var previous = _running;
            _running = this;
            try
            {
                Process(int.MaxValue);
            }
            finally
            {
                _running = previous;
            }

            Release();
            if (!HasWork || !TryClaim())
            {
                return;
            }
        }
    }

    // A full fence, not a release store: the HasWork check that follows must not be satisfied before the release is
    // visible, or a sender (or a posted continuation) that found the cell claimed and this turn both walk away.
    private void Release() => Interlocked.Exchange(ref _scheduled, 0);

    private void Schedule()
    {
        if (!TryClaim())
        {
            return;
        }

        if (_system.Superstep is { } superstep)
        {
            superstep.AddRunnable(this);
        }
        else if (_extras?.Thread is { } thread)
        {
            thread.Schedule();
        }
        else
        {
            _system.Workers!.Schedule(this);
        }
    }

    private void Process(int limit)
    {
        ProcessSystemMessages();
        if (RunPostedContinuations())
        {
            ProcessSystemMessages();
        }

        while (limit > 0 && CanProcessUser && TryDequeueUser(out var envelope))
        {
            limit--;
            Invoke(envelope);
            if (Volatile.Read(ref _systemHead) is not null)
            {
                ProcessSystemMessages();
            }
        }

        SettleAwait();
    }

    private void ProcessSystemMessages()
    {
        while (!(_extras?.Awaiting ?? false))
        {
            var head = Volatile.Read(ref _systemHead);
            if (head is null || ReferenceEquals(head, Closed))
            {
                return;
            }

            if (!ReferenceEquals(Interlocked.CompareExchange(ref _systemHead, null, head), head))
            {
                continue;
            }

            // The stack is newest-first; reverse it to process in arrival order.
            SystemMessage? ordered = null;
            while (head is not null)
            {
                var next = head.Next;
                head.Next = ordered;
                ordered = head;
                head = next;
            }

            while (ordered is not null)
            {
                var message = ordered;
                ordered = ordered.Next;
                message.Next = null;
                if (IsTerminated)
                {
                    HandleWhenDead(message);
                }
                else
                {
                    HandleSystem(message);
                }
            }
        }
    }

    private bool TryDequeueUser(out Envelope envelope)
    {
        if (_extras?.Prepended is { Count: > 0 } prepended)
        {
            envelope = prepended.Dequeue();
            return true;
        }

        return _queue.TryDequeue(out envelope);
    }

    private void Invoke(in Envelope envelope)
    {
        _currentEnvelope = envelope;
        try
        {
            if (envelope.Message is AutoReceivedMessage auto)
            {
                HandleAutoReceived(auto);
            }
            else if (envelope.Message is not Terminated terminated || ExpectsTerminated(terminated))
            {
                _actor!.ReceiveMessage(envelope.Message);
            }
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(cause);
        }
    }

    private void HandleAutoReceived(AutoReceivedMessage message)
    {
        switch (message)
        {
            case PoisonPill:
                EnqueueSystem(new Terminate());
                break;
            case Kill:
                throw new ActorKilledException($"{Path} received Kill.");
        }
    }

    private void DrainUserMessages()
    {
        while (TryDequeueUser(out var envelope))
        {
            DeadLetter(envelope);
        }

        if (_extras?.Stash is { } stash)
        {
            foreach (var envelope in stash)
            {
                DeadLetter(envelope);
            }

            stash.Clear();
        }
    }
}
