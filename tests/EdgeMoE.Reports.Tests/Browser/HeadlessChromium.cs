using System.Diagnostics;
using System.Text;

namespace EdgeMoE.Reports.Tests.Browser;

/// <summary>Debian's chromium, headless, on files from disk. Missing chromium fails the test with how to install it.</summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>The browser's path, or a failed assertion naming the package.</summary>
    public static string Find()
    {
        var candidates = new[] { "chromium", "chromium-browser" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, name)));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException(
                "Debian's chromium is not installed, and the report's browser test needs it: run `apt-get install chromium` as root (or .ci/run, which installs it).");
    }

    /// <summary>Loads <paramref name="page"/> and returns the DOM once the page's load handlers have run.</summary>
    public static string DumpDom(string page) =>
        Run("--dump-dom", "--virtual-time-budget=10000", new Uri(page).AbsoluteUri);

    /// <summary>Saves a PNG screenshot of <paramref name="page"/> at the given window size.</summary>
    public static void Screenshot(string page, string png, int width, int height) =>
        Run($"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(page).AbsoluteUri);

    private static string Run(params string[] args)
    {
        var profile = Path.Combine(Path.GetTempPath(), "edgemoe-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Find())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", $"--user-data-dir={profile}" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var error = new StringBuilder();
            process.ErrorDataReceived += (_, e) => error.AppendLine(e.Data);
            process.BeginErrorReadLine();
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException($"chromium did not finish within {Limit.TotalSeconds} s; stderr: {error}");
            }

            process.WaitForExit();
            return process.ExitCode == 0
                ? output.Result
                : throw new Xunit.Sdk.XunitException($"chromium exited with {process.ExitCode}; stderr: {error}");
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }
}
