using EdgeMoE.Hocon;

namespace EdgeMoE.Host.Settings;

/// <summary>Why a trial start of Akka.NET failed (<see cref="AkkaStartTrial"/>).</summary>
/// <param name="Scope">The path the failing step reads: <c>akka</c> for the start itself, a dispatcher, or one serializer key.</param>
/// <param name="Message">Akka's reason, one line.</param>
internal sealed record AkkaStartFailure(string Scope, string Message)
{
    public const string Root = AkkaSection.Root;

    /// <summary>
    /// The first line of the innermost exception's message: Akka wraps the specific cause ("Could not resolve executor
    /// service configurator type ...", a number that does not parse) in generic ones ("Configuration problem while creating").
    /// </summary>
    public static string Reason(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message.Split('\n', 2)[0].Trim();
    }

    /// <summary>One key as a path element (quoted when it holds dots or spaces, as our messages print paths).</summary>
    public static string Key(string element) => HoconPath.RenderElement(element);
}
