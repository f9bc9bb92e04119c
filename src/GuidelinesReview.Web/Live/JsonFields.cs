using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace GuidelinesReview.Web.Live;

/// <summary>
/// Explains a JSON value that did not fit the type it binds to: which field (from the
/// <see cref="JsonException.Path"/>), what that field must be, and what was sent — for hub arguments
/// and API bodies alike, so a caller can fix the call without reading server code.
/// </summary>
public static partial class JsonFields
{
    /// <summary>
    /// The sentence for <paramref name="error"/>, thrown while reading <paramref name="sent"/> as
    /// <paramref name="type"/>. <paramref name="name"/> names the value itself (a hub argument); null
    /// for a request body, whose fields are named from its root.
    /// </summary>
    public static string Explain(string? name, Type type, JsonElement sent, JsonException error)
    {
        var (field, expected, value) = Locate(type, sent, error.Path);
        var fieldName = field.Length > 0 ? field : name ?? "body";
        var target = Nullable.GetUnderlyingType(expected) ?? expected;
        if (value is { ValueKind: JsonValueKind.String } && (target == typeof(string) || IsTextList(target)))
        {
            // The only way a JSON string fails to become text: an escape that is half a character (\ud800).
            return $"The field {fieldName} holds a broken character (a lone surrogate in {Shown(value.Value)}); retype it or paste it again.";
        }

        return value is null
            ? $"The field {fieldName} could not be read as {Expected(expected)}."
            : $"The field {fieldName} must be {Expected(expected)}; {Shown(value.Value)} was sent.";
    }

    /// <summary>Why <paramref name="json"/> is not JSON at all, with where, or null when it is.</summary>
    public static string? SyntaxProblem(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
            return null;
        }
        catch (JsonException e)
        {
            return $"{WithoutPosition(e.Message)} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})";
        }
    }

    /// <summary>What a value of <paramref name="type"/> looks like in JSON, in words.</summary>
    public static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "text",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(Guid) => "a UUID (such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301)",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "a date and time (such as 2026-12-01T17:50:00Z)",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type).Select(CamelCase)),
            _ when ItemType(type) is { } item => $"a list ([…]) of {Expected(item)} each",
            _ => "an object ({…}) with the fields " + string.Join(", ", Properties(type).Select(p => p.Name)),
        };
    }

    /// <summary>The field the path leads to, its type and what was sent there (null when the path leaves what was sent).</summary>
    private static (string Field, Type Type, JsonElement? Value) Locate(Type type, JsonElement sent, string? path)
    {
        var field = "";
        JsonElement? value = sent;
        foreach (Match step in PathStep().Matches(path ?? ""))
        {
            if (step.Groups["index"].Success)
            {
                var index = int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                type = ItemType(type) ?? typeof(object);
                value = value is { ValueKind: JsonValueKind.Array } list && index < list.GetArrayLength() ? list[index] : null;
                field += $"[{index}]";
                continue;
            }

            var name = step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal);
            var property = Properties(Nullable.GetUnderlyingType(type) ?? type).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            type = property.Property?.PropertyType ?? typeof(object);
            value = value is { ValueKind: JsonValueKind.Object } obj
                ? obj.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
                : null;
            field += (field.Length > 0 ? "." : "") + name;
        }

        return (field, type, value);
    }

    /// <summary>A name as the app's JSON writes it.</summary>
    public static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>The properties of <paramref name="type"/> as the app's JSON names them (camelCase unless renamed).</summary>
    public static IEnumerable<(string Name, PropertyInfo Property)> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.Name != "EqualityContract")
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? CamelCase(p.Name), p));

    private static Type? ItemType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static bool IsTextList(Type type) => ItemType(type) == typeof(string);

    private static string Shown(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => value.GetRawText() is { Length: > 40 } raw ? raw[..40] + "…" : value.GetRawText(),
    };

    private static string WithoutPosition(string message) =>
        message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var at and >= 0 ? message[..at].TrimEnd(' ', '|', '.') + "." : message;

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
