namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Where an actor system lives: <c>edgemoe://system</c> for a local system, <c>edgemoe://system@host:port</c>
/// once remoting gives it a network endpoint. Value equality.
/// </summary>
/// <param name="System">Name of the actor system (letters, digits, '-' and '_').</param>
/// <param name="Host">Host name or IP address; <c>null</c> for a local-only system.</param>
/// <param name="Port">TCP port (1..65535); <c>null</c> for a local-only system.</param>
public sealed record Address(string System, string? Host = null, int? Port = null)
{
    /// <summary>The URI scheme of every EdgeMoE actor address.</summary>
    public const string Protocol = "edgemoe";

    /// <summary><c>true</c> when the address has no network endpoint.</summary>
    public bool IsLocal => Host is null;

    /// <summary><c>true</c> when <paramref name="name"/> is a valid system name: non-empty ASCII letters, digits, '-' and '_'.</summary>
    public static bool IsValidSystemName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <inheritdoc />
    public override string ToString() =>
        IsLocal ? $"{Protocol}://{System}" : $"{Protocol}://{System}@{Host}:{Port}";
}
