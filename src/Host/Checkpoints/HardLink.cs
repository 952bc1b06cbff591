using System.Runtime.InteropServices;

namespace EdgeMoE.Host.Checkpoints;

/// <summary>
/// A second name for an existing file (POSIX link(2)). Why: a checkpoint repeats the unchanged parts of the one before
/// (a finished policy's rows, a policy between its barriers); linking them costs no bytes, no flush and no hash.
/// </summary>
internal static class HardLink
{
    /// <summary>Makes <paramref name="created"/> name the file <paramref name="existing"/>; false where that cannot be done (then copy).</summary>
    public static bool TryCreate(string existing, string created) => OperatingSystem.IsLinux() && Link(existing, created) == 0;

    [DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Link(string existing, string created);
}
