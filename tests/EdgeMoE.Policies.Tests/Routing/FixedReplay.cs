using EdgeMoE.Policies.Routing;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace EdgeMoE.Policies.Tests.Routing;

/// <summary>What the policy property tests share: FsCheck configurations that replay a fixed seed, and every policy's name.</summary>
internal static class FixedReplay
{
    /// <summary>A configuration that draws <paramref name="maxTest"/> cases from the fixed seed (<paramref name="seed"/>, <paramref name="gamma"/>), so every run checks the same cases.</summary>
    public static Config Of(int maxTest, ulong seed, ulong gamma) => Config.QuickThrowOnFailure
        .WithMaxTest(maxTest)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, gamma), FSharpOption<int>.None)));

    /// <summary>The name of every routing policy in the catalog.</summary>
    public static TheoryData<string> Policies() => [.. RoutingPolicyCatalog.All.Select(p => p.Name)];
}
