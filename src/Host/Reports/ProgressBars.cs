using System.Globalization;
using EdgeMoE.Actors.Edge.Messages;
using Spectre.Console;

namespace EdgeMoE.Host.Reports;

/// <summary>Progress as one Spectre.Console bar per policy on a terminal's stderr: slot, throughput, mean Q, test accuracy.</summary>
public sealed class ProgressBars(long slots) : IRunProgress
{
    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProgressTask> _tasks = [];
    private readonly Dictionary<string, double?> _accuracy = [];
    private ProgressContext? _context;

    /// <summary>True when stderr is an interactive terminal (bars make sense there).</summary>
    public static bool Fits(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    /// <inheritdoc />
    public void Show(Action body) =>
        _console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                _context = context;
                body();
            });

    /// <inheritdoc />
    public void Begin(string policy, int index, int count)
    {
        lock (_lock)
        {
            _accuracy[policy] = null;
            _tasks[policy] = _context!.AddTask(Markup.Escape(policy), maxValue: slots);
        }
    }

    /// <inheritdoc />
    public void Slot(string policy, SlotMetrics slot, long cumulative)
    {
        lock (_lock)
        {
            var latest = _accuracy[policy] = slot.TestAccuracy ?? _accuracy[policy];
            var task = _tasks[policy];
            task.Value = slot.Slot + 1;
            var meanQ = slot.Servers.Average(s => (double)s.TokenBacklog);
            var accuracy = latest is { } a ? (100 * a).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "-";
            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{policy,-12} thr {slot.Router.Processed,4}/slot  Q {meanQ,6:0.0}  acc {accuracy}"));
        }
    }

    /// <inheritdoc />
    public void End(string policy, TimeSpan wall)
    {
        lock (_lock)
        {
            _tasks[policy].StopTask();
        }
    }
}
