using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>
/// The stderr of a running child process, line by line with the time each came, for tests that act on what a run
/// reports (e.g. kill a node once some slots ran). Starts reading at once; stdout is drained so the child never blocks.
/// </summary>
internal sealed class StderrLines
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly BlockingCollection<(TimeSpan At, string Text)> _lines = [];
    private readonly StringBuilder _seen = new();

    /// <summary>Reads <paramref name="process"/>'s stderr (started with redirected output).</summary>
    public StderrLines(Process process)
    {
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } text)
            {
                _lines.Add((_clock.Elapsed, text));
            }
        };
        process.BeginErrorReadLine();
        Stdout = process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>The whole stdout, once the process ends.</summary>
    public Task<string> Stdout { get; }

    /// <summary>Time since reading started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Waits (at most 3 minutes) for the first line <paramref name="wanted"/> accepts; returns when it came.</summary>
    /// <exception cref="TimeoutException">No such line came; the message holds every line read so far.</exception>
    public TimeSpan Await(Func<string, bool> wanted)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_lines.TryTake(out var line, TimeSpan.FromSeconds(1)))
            {
                _seen.AppendLine(line.Text);
                if (wanted(line.Text))
                {
                    return line.At;
                }
            }
        }

        throw new TimeoutException("the expected line never came; stderr so far:\n" + _seen);
    }

    /// <summary>Every line read so far and still queued, once the process has exited.</summary>
    public string All()
    {
        while (_lines.TryTake(out var line))
        {
            _seen.AppendLine(line.Text);
        }

        return _seen.ToString();
    }
}
