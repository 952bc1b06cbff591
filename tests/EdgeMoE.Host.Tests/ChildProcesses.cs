using System.Globalization;

namespace EdgeMoE.Host.Tests;

/// <summary>Processes started by another, read from Linux's /proc (for tests of processes that start processes).</summary>
internal static class ChildProcesses
{
    /// <summary>The ids of the processes whose parent is <paramref name="parent"/>.</summary>
    public static IEnumerable<int> Of(int parent)
    {
        foreach (var stat in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(stat, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
            {
                yield return int.Parse(Path.GetFileName(stat), CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>The command line of <paramref name="pid"/> with a leading space, arguments space-separated; empty once it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return " " + File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Whether <paramref name="pid"/> still runs (a zombie, dead but not yet reaped, does not).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
