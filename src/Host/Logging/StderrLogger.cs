using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace EdgeMoE.Host.Logging;

/// <summary>
/// Akka.NET logger that writes one line per log event to standard error, so stdout carries only the tool's own
/// output (Akka's DefaultLogger and StandardOutLogger write to stdout). Registered by reference.conf as
/// <c>akka.loggers = ["EdgeMoE.Host.Logging.StderrLogger, edgemoe"]</c>; the level filter is Akka's <c>akka.loglevel</c>.
/// Akka's warnings about a lost cluster member are left out where EdgeMoE's own one line says it (<see cref="RedundantClusterWarnings"/>).
/// </summary>
public sealed class StderrLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    /// <summary>The logger protocol: answer <see cref="InitializeLogger"/>, then print every <see cref="LogEvent"/>.</summary>
    public StderrLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(Print);
    }

    // Console.Error is synchronised, so lines from several actor systems never interleave mid-line.
    private static void Print(LogEvent logEvent)
    {
        if (!RedundantClusterWarnings.Covers(logEvent))
        {
            Console.Error.WriteLine(logEvent.ToString());
        }
    }
}
