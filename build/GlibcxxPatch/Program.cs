using EdgeMoE.GlibcxxPatch;
using EdgeMoE.GlibcxxPatch.Elf;

// Usage: EdgeMoE.GlibcxxPatch SOURCE DESTINATION [VERSION]
// Writes DESTINATION as SOURCE with VERSION (default GLIBCXX_3.4.32) required weakly from libstdc++.so.6, only when the
// machine's libstdc++ lacks that version; SOURCE (the NuGet cache) is only read. Errors use MSBuild's canonical format.
const string Origin = "EdgeMoE.GlibcxxPatch";
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine($"{Origin} : error GLIBCXX1: usage: {Origin} SOURCE DESTINATION [VERSION]");
    return 2;
}

var (source, destination) = (args[0], args[1]);
var version = args.Length == 3 ? args[2] : "GLIBCXX_3.4.32";
try
{
    var libstdcxx = LibstdcxxProbe.LoadedPath();
    if (LibstdcxxProbe.Defines(libstdcxx, version))
    {
        Console.WriteLine($"{Origin}: {libstdcxx} provides {version}; {Path.GetFileName(destination)} left as shipped");
        return 0;
    }

    var image = ElfImage.Parse(File.ReadAllBytes(source));
    var changed = WeakVersionPatch.Apply(image, LibstdcxxProbe.Soname, version);

    // The output may be a hard link into the NuGet cache: replace the file, never write through it.
    var temporary = destination + ".patching";
    File.WriteAllBytes(temporary, image.Bytes);
    File.Move(temporary, destination, overwrite: true);
    Console.WriteLine($"{Origin}: {libstdcxx} lacks {version}; wrote {destination} with that requirement weak ({changed} entry changed)");
    return 0;
}
catch (Exception e) when (e is ElfLayoutException or IOException or InvalidOperationException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"{Origin} : error GLIBCXX2: cannot patch {source} for {version}: {e.Message}");
    return 1;
}
