namespace EdgeMoE.Host.Tests.Mec;

/// <summary>The small instance the MEC specialisation tests share: M = 2N = 8 servers, 400 tasks of 4 clusters in 8 dimensions, seeds 1-3.</summary>
internal static class SmallMecInstance
{
    /// <summary>Its <c>edgemoe.mec</c> lines, running <paramref name="methods"/> (e.g. <c>moe, random</c>), then <paramref name="extra"/>.</summary>
    public static string Lines(string methods, string extra = "") => $"""
        experts = [8]
        seeds = 3
        tasks = 400
        clusters = 4
        dimension = 8
        samples-per-task = 4
        methods = [{methods}]
        {extra}
        """;
}
