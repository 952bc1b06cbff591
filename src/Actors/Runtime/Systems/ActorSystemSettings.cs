using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeMoE.Actors.Runtime;

/// <summary>Settings of an <see cref="ActorSystem"/>, read once (e.g. from HOCON <c>edgemoe.actors</c>) and validated at creation.</summary>
public sealed record ActorSystemSettings
{
    /// <summary>Virtual (default) or real time.</summary>
    public TimeMode Time { get; init; } = TimeMode.Virtual;

    /// <summary>Run seed: every <c>Context.Random</c> derives from it and the actor's path, every actor uid from it and the actor's place in the hierarchy.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Real time: user messages an actor processes per turn before yielding its thread, ≥ 1.</summary>
    public int Throughput { get; init; } = 100;

    /// <summary>
    /// Worker threads that run actor turns, ≥ 1. Virtual time: the superstep workers (results do not depend on it). Real
    /// time: the system's own threads, apart from the shared .NET pool; an actor that blocks in a handler holds one of
    /// them, so give such actors <see cref="DispatcherKind.DedicatedThread"/>.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The mailbox of actors whose <see cref="Props"/> choose none (Akka's default-mailbox).</summary>
    public MailboxSettings DefaultMailbox { get; init; } = MailboxSettings.Unbounded;

    /// <summary>Timeout of an <c>Ask</c> that names none (virtual or real time, as the system runs), &gt; 0.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where actors log; entries carry the actor path in their scope.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>How <c>/user</c> supervises top-level actors; <c>null</c>: <see cref="SupervisorStrategy.Default"/>.</summary>
    public SupervisorStrategy? GuardianStrategy { get; init; }

    /// <summary>Real time: the clock (tests may inject a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Host of this system's address once remoting is on; <c>null</c> for a local-only system.</summary>
    public string? Host { get; init; }

    /// <summary>TCP port of this system's address (1..65535) once remoting is on.</summary>
    public int? Port { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Throughput < 1)
        {
            throw new ArgumentException($"ActorSystemSettings.Throughput must be ≥ 1 (was {Throughput}).");
        }

        if (Parallelism < 1)
        {
            throw new ArgumentException($"ActorSystemSettings.Parallelism must be ≥ 1 (was {Parallelism}).");
        }

        if (AskTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ActorSystemSettings.AskTimeout must be positive (was {AskTimeout}).");
        }

        if ((Host is null) != (Port is null))
        {
            throw new ArgumentException("ActorSystemSettings.Host and ActorSystemSettings.Port must be given together.");
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"ActorSystemSettings.Port must be in 1..65535 (was {Port}).");
        }

        ArgumentNullException.ThrowIfNull(DefaultMailbox, nameof(DefaultMailbox));
        ArgumentNullException.ThrowIfNull(LoggerFactory, nameof(LoggerFactory));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
