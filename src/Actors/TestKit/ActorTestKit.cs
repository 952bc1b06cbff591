using System.Collections.Concurrent;
using EdgeMoE.Actors.Runtime;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EdgeMoE.Actors.TestKit;

/// <summary>
/// Base class of actor tests (xunit creates one instance per test): a fresh <see cref="Sys"/> in virtual time by
/// default, a default probe <see cref="TestActor"/>, virtual-time control, and captured dead letters and log entries.
/// </summary>
public abstract class ActorTestKit : IDisposable
{
    private readonly CapturingLoggerProvider _logs;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ConcurrentQueue<object> _events = new();
    private int _probeCount;

    /// <summary>Creates the system under test.</summary>
    /// <param name="settings">System settings (virtual time, seed 1 by default); the logger factory is replaced by a capturing one.</param>
    /// <param name="output">xunit output that log lines are echoed to, if given.</param>
    /// <param name="defaultTimeout">Timeout of expectations without one (virtual in virtual time); default 3 s.</param>
    protected ActorTestKit(ActorSystemSettings? settings = null, ITestOutputHelper? output = null, TimeSpan? defaultTimeout = null)
    {
        _logs = new CapturingLoggerProvider { Echo = output is null ? null : output.WriteLine };
        _loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        DefaultTimeout = defaultTimeout ?? TimeSpan.FromSeconds(3);
        Sys = ActorSystem.Create("test", (settings ?? new ActorSystemSettings()) with { LoggerFactory = _loggerFactory });
        var collector = Sys.SystemActorOf(Props.Create(() => new CollectorActor(_events)).WithMailbox(MailboxSettings.Unbounded), "event-collector");
        Sys.EventStream.Subscribe(collector, typeof(DeadLetter));
        Sys.EventStream.Subscribe(collector, typeof(UnhandledMessage));
        TestActor = CreateTestProbe("test-actor");
    }

    /// <summary>The actor system under test.</summary>
    protected ActorSystem Sys { get; }

    /// <summary>The default probe.</summary>
    protected TestProbe TestActor { get; }

    /// <summary>Timeout of expectations that do not give one.</summary>
    protected TimeSpan DefaultTimeout { get; }

    /// <summary>Log entries so far (the actor path is in <see cref="LogEntry.ActorPath"/>).</summary>
    protected IReadOnlyList<LogEntry> LogEntries => _logs.Entries;

    /// <summary>Log entries at Error or above.</summary>
    protected IReadOnlyList<LogEntry> LoggedErrors => [.. _logs.Entries.Where(e => e.Level >= LogLevel.Error)];

    /// <summary>Dead letters published so far (in virtual time, runs the system to quiescence first).</summary>
    protected IReadOnlyList<DeadLetter> DeadLetters => [.. Events().OfType<DeadLetter>()];

    /// <summary>Unhandled messages published so far (in virtual time, runs the system to quiescence first).</summary>
    protected IReadOnlyList<UnhandledMessage> UnhandledMessages => [.. Events().OfType<UnhandledMessage>()];

    /// <summary>A new probe named <c>/system/probe-N</c> unless named.</summary>
    protected TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? $"probe-{Interlocked.Increment(ref _probeCount)}", DefaultTimeout);

    /// <summary>Creates a top-level actor.</summary>
    protected IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Creates a top-level actor with a parameterless constructor.</summary>
    protected IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => Sys.ActorOf<TActor>(name);

    /// <summary>Virtual time: moves the clock forward by <paramref name="duration"/>, firing due timers on the way.</summary>
    protected void Advance(TimeSpan duration) => Sys.Advance(duration);

    /// <summary>Virtual time: runs until nothing is in flight at the current instant.</summary>
    protected void RunUntilQuiescent() => Sys.RunUntilQuiescent();

    /// <summary>Asks and returns the reply; in virtual time drives the system until the reply or the virtual timeout.</summary>
    protected T Ask<T>(IActorRef target, object message, TimeSpan? timeout = null)
    {
        var wait = timeout ?? DefaultTimeout;
        var reply = target.Ask<T>(message, wait);
        if (Sys.IsVirtual)
        {
            Sys.RunUntil(Sys.Now + wait + TimeSpan.FromTicks(1), () => reply.IsCompleted);
        }

        return reply.GetAwaiter().GetResult();
    }

    /// <summary>Expects a message on <see cref="TestActor"/>.</summary>
    protected T ExpectMsg<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null) => TestActor.ExpectMsg(predicate, timeout);

    /// <summary>Expects no message on <see cref="TestActor"/>.</summary>
    protected void ExpectNoMsg(TimeSpan? duration = null) => TestActor.ExpectNoMsg(duration);

    /// <summary>Asserts that no dead letter was published.</summary>
    protected void AssertNoDeadLetters()
    {
        var letters = DeadLetters;
        if (letters.Count > 0)
        {
            throw new XunitException($"Expected no dead letters but found {letters.Count}, first: {letters[0]}.");
        }
    }

    /// <summary>Asserts that no entry at Error or above was logged.</summary>
    protected void AssertNoLoggedErrors()
    {
        var errors = LoggedErrors;
        if (errors.Count > 0)
        {
            throw new XunitException($"Expected no logged errors but found {errors.Count}, first: {errors[0]}.");
        }
    }

    /// <summary>Terminates the system.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system (waits up to 10 s in real time).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Sys.Terminate().Wait(TimeSpan.FromSeconds(10));
            _loggerFactory.Dispose();
        }
    }

    private object[] Events()
    {
        if (Sys.IsVirtual)
        {
            Sys.RunUntilQuiescent();
        }

        return [.. _events];
    }
}
