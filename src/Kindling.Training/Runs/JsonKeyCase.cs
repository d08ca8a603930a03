using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kindling.Training.Runs;

/// <summary>Renames the keys of a JSON tree between the data layer's saved state (PascalCase, its
/// <c>ToJson</c>/<c>FromJson</c>) and model.json version 2's one key style (snake_case). Values are never touched.</summary>
static class JsonKeyCase
{
    /// <summary>"NumericColumns" → "numeric_columns", at every depth.</summary>
    public static JsonNode? ToSnake(JsonNode? node) => Rename(node, JsonNamingPolicy.SnakeCaseLower.ConvertName);

    /// <summary>"numeric_columns" → "NumericColumns", at every depth (the inverse of <see cref="ToSnake"/> for
    /// names without digits or acronyms, which the saved states use).</summary>
    public static JsonNode? ToPascal(JsonNode? node) => Rename(node, Pascal);

    static JsonNode? Rename(JsonNode? node, Func<string, string> name) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(name(p.Key), Rename(p.Value, name)))),
        JsonArray a => new JsonArray([.. a.Select(v => Rename(v, name))]),
        null => null,
        _ => node.DeepClone(),
    };

    static string Pascal(string snake)
    {
        var s = new StringBuilder(snake.Length);
        foreach (var part in snake.Split('_', StringSplitOptions.RemoveEmptyEntries))
            s.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        return s.ToString();
    }
}
