using System.Collections.Concurrent;
using EdgeMoE.Actors.Runtime;
using Xunit;
using Xunit.Sdk;

namespace EdgeMoE.Actors.TestKit;

/// <summary>
/// An actor the test thread reads from. Expectations wait on the system's clock: in virtual time they drive the
/// system (superstep by superstep, jumping to timers) until the message arrives or the virtual timeout passes;
/// in real time they wait on the wall clock.
/// </summary>
public sealed class TestProbe
{
    private readonly ActorSystem _system;
    private readonly ConcurrentQueue<ProbeActor.Received> _inbox = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly TimeSpan _defaultTimeout;
    private TimeSpan? _withinDeadline;
    private IActorRef? _lastSender;

    internal TestProbe(ActorSystem system, string name, TimeSpan defaultTimeout)
    {
        _system = system;
        _defaultTimeout = defaultTimeout;
        // A probe sees everything sent to it, whatever the system's default mailbox.
        Ref = system.SystemActorOf(Props.Create(() => new ProbeActor(_inbox, _arrivals)).WithMailbox(MailboxSettings.Unbounded), name);
    }

    /// <summary>The probe's actor reference: send it messages or pass it as a sender.</summary>
    public IActorRef Ref { get; }

    /// <summary>Sender of the last message received.</summary>
    public IActorRef LastSender => _lastSender ?? throw new InvalidOperationException("The probe has not received anything yet.");

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>Replies to the sender of the last message.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Makes the probe receive <see cref="Terminated"/> when <paramref name="target"/> stops.</summary>
    public void Watch(IActorRef target) => Ref.Tell(new ProbeActor.WatchCommand(target), Ref);

    /// <summary>Cancels <see cref="Watch"/>.</summary>
    public void Unwatch(IActorRef target) => Ref.Tell(new ProbeActor.UnwatchCommand(target), Ref);

    /// <summary>Expects the next message to be a <typeparamref name="T"/> (satisfying <paramref name="predicate"/>) within the timeout.</summary>
    public T ExpectMsg<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var received = Next(timeout, $"a {typeof(T).Name}");
        if (received is not T typed)
        {
            throw new XunitException($"Expected a {typeof(T).Name} but received {Describe(received)}.");
        }

        if (predicate is not null && !predicate(typed))
        {
            throw new XunitException($"Received {Describe(typed)}, which does not satisfy the predicate.");
        }

        return typed;
    }

    /// <summary>Expects the next message to equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
        where T : notnull
    {
        var received = ExpectMsg<T>(timeout: timeout);
        Assert.Equal(expected, received);
        return received;
    }

    /// <summary>Expects no message during <paramref name="duration"/> (default 100 ms; virtual in virtual time).</summary>
    public void ExpectNoMsg(TimeSpan? duration = null)
    {
        if (TryNext(duration ?? TimeSpan.FromMilliseconds(100), out var received))
        {
            throw new XunitException($"Expected no message but received {Describe(received)}.");
        }
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="target"/> (call <see cref="Watch"/> first).</summary>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(target), timeout);

    /// <summary>Skips messages until one is a <typeparamref name="T"/> satisfying <paramref name="isTarget"/>.</summary>
    public T FishForMessage<T>(Func<T, bool> isTarget, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        var deadline = Deadline(timeout);
        while (true)
        {
            var remaining = deadline - Clock;
            if (remaining < TimeSpan.Zero || !TryNext(remaining, out var received))
            {
                throw new XunitException($"Timed out fishing for a {typeof(T).Name}.");
            }

            if (received is T typed && isTarget(typed))
            {
                return typed;
            }
        }
    }

    /// <summary>Receives exactly <paramref name="count"/> messages within the timeout (for all of them).</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var deadline = Deadline(timeout);
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var remaining = deadline - Clock;
            if (remaining < TimeSpan.Zero || !TryNext(remaining, out var received))
            {
                throw new XunitException($"Received {messages.Count} of {count} messages before the timeout.");
            }

            messages.Add(received);
        }

        return messages;
    }

    /// <summary>Runs <paramref name="block"/>, whose expectations share the deadline, and asserts it took at most <paramref name="max"/>.</summary>
    public void Within(TimeSpan max, Action block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var start = Clock;
        var outer = _withinDeadline;
        _withinDeadline = start + max;
        try
        {
            block();
        }
        finally
        {
            _withinDeadline = outer;
        }

        var elapsed = Clock - start;
        if (elapsed > max)
        {
            throw new XunitException($"The block took {elapsed.TotalMilliseconds:F1} ms, more than the {max.TotalMilliseconds:F1} ms allowed.");
        }
    }

    private TimeSpan Clock => _system.Now;

    private TimeSpan Deadline(TimeSpan? timeout)
    {
        var deadline = Clock + (timeout ?? _defaultTimeout);
        return _withinDeadline is { } within && within < deadline ? within : deadline;
    }

    private object Next(TimeSpan? timeout, string what)
    {
        var remaining = Deadline(timeout) - Clock;
        if (remaining < TimeSpan.Zero || !TryNext(remaining, out var received))
        {
            throw new XunitException($"Timed out after {(timeout ?? _defaultTimeout).TotalMilliseconds:F0} ms waiting for {what}.");
        }

        return received;
    }

    private bool TryNext(TimeSpan wait, out object message)
    {
        if (_system.IsVirtual)
        {
            _system.RunUntil(_system.Now + wait, () => !_inbox.IsEmpty);
        }
        else if (!_arrivals.Wait(wait))
        {
            message = null!;
            return false;
        }

        if (_inbox.TryDequeue(out var received))
        {
            if (_system.IsVirtual)
            {
                _arrivals.Wait(0);
            }

            _lastSender = received.Sender;
            message = received.Message;
            return true;
        }

        message = null!;
        return false;
    }

    private static string Describe(object? message) => message is null ? "null" : $"{message.GetType().Name} {message}";
}
