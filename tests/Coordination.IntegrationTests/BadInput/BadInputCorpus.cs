using System.Text;
using System.Text.Json.Nodes;

namespace Coordination.IntegrationTests.BadInput;

/// <summary>One hostile call: who sends it, where, what, and the field it spoils (if one).</summary>
public sealed record BadCall(string Label, string Agency, string Method, string Path, string? ContentType, string? Body, string? Field);

/// <summary>
/// Expands the corpus (<c>BadInput/endpoints.json</c>, <c>BadInput/mutations.json</c>) into
/// calls: for each write endpoint, every bad value of each field's kind, each required field
/// missing and null, and every malformed body; then the calls with a bad path.
/// </summary>
public static class BadInputCorpus
{
    private static readonly string[] NonStringKinds = ["amount", "percent", "bool", "list", "object", "guids", "eventTypes", "provinces"];

    public static IReadOnlyList<BadCall> Calls(IReadOnlyDictionary<string, string> ids)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "BadInput");
        var endpoints = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "endpoints.json")))!;
        var mutations = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "mutations.json")))!.AsObject();
        var calls = new List<BadCall>();

        foreach (var endpoint in endpoints["endpoints"]!.AsArray())
        {
            var agency = (string)endpoint!["agency"]!;
            var path = Resolve((string)endpoint["path"]!, ids);
            var template = JsonNode.Parse(Resolve(endpoint["body"]!.ToJsonString(), ids))!;
            BadCall Call(string label, JsonNode body, string? field, string? contentType = "application/json") =>
                new($"{path} {label}", agency, "POST", path, contentType, body.ToJsonString(), field);

            foreach (var (field, kindNode) in endpoint["fields"]!.AsObject())
            {
                var kind = (string)kindNode!;
                var optional = kind.EndsWith('?');
                kind = kind.TrimEnd('?');
                var values = mutations["any"]!.AsArray().Concat(mutations[kind]?.AsArray() ?? []);
                if (!NonStringKinds.Contains(kind)) values = values.Concat(mutations["string"]!.AsArray());
                foreach (var mutation in values)
                    calls.Add(Call($"{field}: {mutation!["label"]}", With(template, field, Value(mutation["value"])), field));
                if (optional) continue;
                calls.Add(Call($"{field}: missing", Without(template, field), field));
                calls.Add(Call($"{field}: null", With(template, field, null), field));
            }

            foreach (var mutation in mutations["body"]!.AsArray())
            {
                var label = $"body: {mutation!["label"]}";
                var contentType = (string?)mutation["contentType"] ?? "application/json";
                if (mutation["raw"] is { } raw)
                    calls.Add(new($"{path} {label}", agency, "POST", path, contentType, (string)raw!, null));
                else if (mutation["nested"] is { } depth)
                    calls.Add(new($"{path} {label}", agency, "POST", path, contentType, Nested((int)depth!), null));
                else
                {
                    var body = template.DeepClone();
                    foreach (var (name, value) in mutation["extra"]?.AsObject() ?? []) body[name] = value?.DeepClone();
                    calls.Add(Call(label, body, null, contentType));
                }
            }
        }

        foreach (var call in endpoints["paths"]!.AsArray())
        {
            var body = call!["body"] is { } b ? Resolve(b.ToJsonString(), ids) : null;
            var path = Resolve((string)call["path"]!, ids);
            calls.Add(new($"{call["method"]} {path}", (string)call["agency"]!, (string)call["method"]!, path,
                body is null ? null : "application/json", body, null));
        }
        return calls;
    }

    /// <summary>Fills in <c>{worker}</c>, <c>{company}</c>… and a new id for each <c>{random}</c>.</summary>
    private static string Resolve(string text, IReadOnlyDictionary<string, string> ids)
    {
        foreach (var (name, id) in ids) text = text.Replace($"{{{name}}}", id, StringComparison.Ordinal);
        while (text.Contains("{random}", StringComparison.Ordinal))
        {
            var at = text.IndexOf("{random}", StringComparison.Ordinal);
            text = string.Concat(text.AsSpan(0, at), Guid.NewGuid().ToString(), text.AsSpan(at + "{random}".Length));
        }
        return text;
    }

    /// <summary>A mutation's value; <c>{"repeat": c, "times": n, "prefix": p}</c> is p followed by n times c.</summary>
    private static JsonNode? Value(JsonNode? value) =>
        value is JsonObject o && o["repeat"] is { } repeat
            ? JsonValue.Create((string?)o["prefix"] + new StringBuilder().Insert(0, (string)repeat!, (int)o["times"]!))
            : value?.DeepClone();

    private static string Nested(int depth) => new StringBuilder().Insert(0, "{\"a\":", depth).Append("1").Append('}', depth).ToString();

    private static JsonNode With(JsonNode template, string path, JsonNode? value)
    {
        var body = template.DeepClone();
        var (parent, last) = Walk(body, path);
        if (last is int index) parent.AsArray()[index] = value;
        else parent.AsObject()[(string)last] = value;
        return body;
    }

    private static JsonNode Without(JsonNode template, string path)
    {
        var body = template.DeepClone();
        var (parent, last) = Walk(body, path);
        if (last is int index) parent.AsArray().RemoveAt(index);
        else parent.AsObject().Remove((string)last);
        return body;
    }

    /// <summary>The node holding the last segment of a path such as <c>people[0].fullName</c>, and that segment.</summary>
    private static (JsonNode Parent, object Last) Walk(JsonNode body, string path)
    {
        var segments = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            segments.Add(bracket < 0 ? part : part[..bracket]);
            if (bracket >= 0) segments.Add(int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
        }
        var node = body;
        foreach (var segment in segments[..^1])
            node = segment is int i ? node.AsArray()[i]! : node.AsObject()[(string)segment]!;
        return (node, segments[^1]);
    }
}
