using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Configuration;
using EdgeMoE.Hocon;
using EdgeMoE.Hocon.Rendering;
using EdgeMoE.Host.Cli;
using AkkaConfig = Akka.Configuration.Config;
using HoconConfig = EdgeMoE.Hocon.Config;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// Refuses an <c>akka</c> section Akka.NET cannot start a run's system from, naming the key at fault and where it
/// was set: the one Akka's message names, else the first whose removal lets a trial start succeed.
/// </summary>
internal static class AkkaStartCheck
{
    // A failing section costs one trial start per key tried (tens of ms each), so the search stops after this many.
    private const int MaxKeysTried = 12;

    // Text as written (our JSON renderer does the same); Akka's HOCON reads either.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Starts a trial system from <paramref name="akka"/> (see <see cref="AkkaStartTrial"/>).</summary>
    /// <param name="merged">The resolved scenario over reference.conf (origins of the keys).</param>
    /// <param name="reference">reference.conf alone: keys it sets are suspected only after the scenario's own.</param>
    /// <param name="akka">The <c>akka</c> section of <paramref name="merged"/> as Akka parsed it.</param>
    /// <exception cref="BadInputException">Akka cannot start; the message names the key, its value and <c>FILE:LINE</c>.</exception>
    public static void Verify(HoconConfig merged, HoconConfig reference, AkkaConfig akka)
    {
        if (!merged.HasPath(AkkaSection.Root))
        {
            return;
        }

        var section = merged.GetConfig(AkkaSection.Root);
        var json = JsonNode.Parse(section.ToJson(indented: false))!.AsObject();
        var failure = AkkaStartTrial.Run(akka, WrittenDispatcher(json));
        if (failure is not null)
        {
            throw Blame(section, reference, json, failure);
        }
    }

    private static BadInputException Blame(HoconConfig section, HoconConfig reference, JsonObject json, AkkaStartFailure failure)
    {
        var keys = section.Leaves()
            .Select((leaf, index) => new SectionKey(HoconPath.Render(leaf.Key), leaf.Key, leaf.Value, index, IsScenarios(leaf.Key, leaf.Value, reference)))
            .ToList();
        var named = keys.FirstOrDefault(k => k.Path == failure.Scope)
            ?? keys.FirstOrDefault(k => Mentions(failure.Message, k.Path) && Quotes(failure.Message, k));
        var suspects = keys
            .OrderBy(k => k.Scenarios ? 0 : 1)
            .ThenBy(k => Nearness(failure, k))
            .ThenBy(k => Quotes(failure.Message, k) ? 0 : 1)
            .ThenBy(k => k.Index)
            .Take(MaxKeysTried);
        var culprit = named ?? suspects.FirstOrDefault(k => Without(json, k, reference) is var rest && AkkaStartTrial.Run(Akka(rest), WrittenDispatcher(rest)) is null);
        return culprit is null
            ? new BadInputException($"{AkkaSection.Root}: Akka.NET cannot start with this section ({section.Root.Origin.FileAndLine}): {failure.Message}")
            : new BadInputException($"{culprit.Path}: Akka.NET refuses {culprit.Shown} ({culprit.Value.Origin.FileAndLine}): {failure.Message}");
    }

    /// <summary>0 when Akka's message names the key, 1 when it names the object holding it or the failing step reads it, else 2.</summary>
    private static int Nearness(AkkaStartFailure failure, SectionKey key) =>
        Mentions(failure.Message, key.Path) ? 0
        : MentionsParent(failure.Message, key) || (failure.Scope != AkkaSection.Root && key.Path.StartsWith(failure.Scope + ".", StringComparison.Ordinal)) ? 1
        : 2;

    private static bool Quotes(string message, SectionKey key) => key.Text.Length > 0 && message.Contains(key.Text, StringComparison.Ordinal);

    /// <summary>True when the scenario (not reference.conf) sets this key.</summary>
    private static bool IsScenarios(IReadOnlyList<string> path, HoconValue value, HoconConfig reference) =>
        reference.Find(HoconPath.Render(path)) is not { } original || original.Origin != value.Origin;

    // A path counts as mentioned when it is not just the start of a longer key (akka.actor.provider vs ...provider-x).
    private static bool Mentions(string message, string path)
    {
        for (var at = message.IndexOf(path, StringComparison.Ordinal); at >= 0; at = message.IndexOf(path, at + 1, StringComparison.Ordinal))
        {
            var end = at + path.Length;
            if (end == message.Length || !(char.IsLetterOrDigit(message[end]) || message[end] is '-' or '_' or '.'))
            {
                return true;
            }
        }

        return false;
    }

    // A dispatcher or mailbox is named by its path (akka.actor.default-dispatcher), not by the key inside it.
    private static bool MentionsParent(string message, SectionKey key) =>
        key.Segments.Count > 3 && Mentions(message, HoconPath.Render(key.Segments.Take(key.Segments.Count - 1)));

    /// <summary>The section without <paramref name="key"/>: reference.conf's value where it has one, else Akka's default.</summary>
    private static JsonObject Without(JsonObject json, SectionKey key, HoconConfig reference)
    {
        var copy = json.DeepClone().AsObject();
        JsonObject parent = copy;
        foreach (var segment in key.Segments.Skip(1).SkipLast(1))
        {
            parent = parent[segment]!.AsObject();
        }

        var last = key.Segments[^1];
        if (key.Scenarios && reference.Find(key.Path) is { } original)
        {
            parent[last] = JsonNode.Parse(JsonRenderer.Render(original, indented: false));
        }
        else
        {
            parent.Remove(last);
        }

        return copy;
    }

    private static AkkaConfig Akka(JsonObject json) => ConfigurationFactory.ParseString($"{AkkaSection.Root} : {json.ToJsonString(Relaxed)}");

    private static string? WrittenDispatcher(JsonObject json) =>
        json["actor"] is JsonObject actor && actor["emulation-dispatcher"] is JsonObject dispatcher ? dispatcher.ToJsonString(Relaxed) : null;

    /// <summary>One leaf of the section: its printed path, its elements (starting with <c>akka</c>) and where it was set.</summary>
    private sealed record SectionKey(string Path, IReadOnlyList<string> Segments, HoconValue Value, int Index, bool Scenarios)
    {
        /// <summary>The value as Akka's messages quote it (strings without quotes).</summary>
        public string Text => Value is HoconString s ? s.Value : JsonRenderer.Render(Value, indented: false);

        public string Shown => Value is HoconObject ? "an empty object" : JsonRenderer.Render(Value, indented: false);
    }
}
