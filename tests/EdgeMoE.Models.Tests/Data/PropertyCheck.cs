using FsCheck;
using Microsoft.FSharp.Core;

namespace EdgeMoE.Models.Tests.Data;

/// <summary>Runs FsCheck properties from a fixed seed, so a failure replays on every run.</summary>
internal static class PropertyCheck
{
    public static void Holds(Property property, ulong seed, int tests = 100)
    {
        var replay = new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None);
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithReplay(FSharpOption<Replay>.Some(replay));
        Check.One(config, property);
    }
}
