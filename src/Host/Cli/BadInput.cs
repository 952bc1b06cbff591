namespace EdgeMoE.Host.Cli;

/// <summary>Recognises the exceptions that mean "the user's input is wrong" (exit code 2).</summary>
internal static class BadInput
{
    /// <summary>The one-line message for a bad-input failure, or null when <paramref name="ex"/> is a real fault.</summary>
    public static string? Describe(Exception ex) => ex switch
    {
        BadInputException bad => bad.Message,
        EdgeMoE.Hocon.HoconException hocon => hocon.Message,
        EdgeMoE.Reports.Inputs.ReportInputException report => report.Message,
        AggregateException { InnerExceptions.Count: 1 } agg => Describe(agg.InnerExceptions[0]),
        _ => null,
    };
}
