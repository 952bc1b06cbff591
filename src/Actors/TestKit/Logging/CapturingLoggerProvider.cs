using System.Collections.Concurrent;
using EdgeMoE.Actors.Runtime;
using Microsoft.Extensions.Logging;

namespace EdgeMoE.Actors.TestKit;

/// <summary>Keeps every log entry of a test's actor system, with the actor path taken from the entry's scope.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly AsyncLocal<ActorLogScope?> _scope = new();

    /// <summary>The entries so far, in the order they were written.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Lines are also written here when set (e.g. xunit's test output).</summary>
    public Action<string>? Echo { get; init; }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var previous = owner._scope.Value;
            if (state is ActorLogScope scope)
            {
                owner._scope.Value = scope;
            }

            return new Restore(owner, previous);
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new LogEntry(logLevel, category, formatter(state, exception), exception, owner._scope.Value?.Path.ToString());
            owner._entries.Enqueue(entry);
            owner.Echo?.Invoke($"[{entry.Level}] {entry.ActorPath ?? entry.Category}: {entry.Message}");
        }
    }

    private sealed class Restore(CapturingLoggerProvider owner, ActorLogScope? previous) : IDisposable
    {
        public void Dispose() => owner._scope.Value = previous;
    }
}
