using Microsoft.Extensions.Logging;

namespace EdgeMoE.Actors.TestKit;

/// <summary>One captured log entry.</summary>
/// <param name="Level">Severity.</param>
/// <param name="Category">Logger category (the actor type's full name for actor logs).</param>
/// <param name="Message">Formatted message.</param>
/// <param name="Exception">Attached exception, if any.</param>
/// <param name="ActorPath">Path of the logging actor, from its scope; <c>null</c> outside actors.</param>
public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception, string? ActorPath);
