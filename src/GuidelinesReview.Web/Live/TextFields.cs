using System.Collections.Concurrent;
using System.Reflection;
using GuidelinesReview.Core.Text;

namespace GuidelinesReview.Web.Live;

/// <summary>
/// Applies <see cref="TypedText"/> to every text an entry point received (hub arguments, API bodies,
/// form fields): strings, lists of strings, and the text properties of the app's own input records,
/// each named as the caller wrote it (the JSON field, or the argument's name).
/// </summary>
public static class TextFields
{
    private const int MaxDepth = 4;

    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Texts = new();

    /// <summary>The first refusal for the named values, or null when all of their text may be saved.</summary>
    public static string? FirstProblem(IEnumerable<(string Name, object? Value)> values) =>
        values.Select(v => Problem(v.Name, v.Value, root: true, 0)).FirstOrDefault(p => p is not null);

    private static string? Problem(string field, object? value, bool root, int depth) => value switch
    {
        null => null,
        string text => TypedText.Check(field, text),
        IEnumerable<string> texts => texts.Select((t, i) => TypedText.Check($"{field}[{i}]", t)).FirstOrDefault(p => p is not null),
        _ when depth < MaxDepth && IsInputRecord(value.GetType()) => PropertiesOf(value.GetType())
            .Select(p => Problem(root ? p.Name : $"{field}.{p.Name}", p.Property.GetValue(value), root: false, depth + 1))
            .FirstOrDefault(p => p is not null),
        _ => null,
    };

    /// <summary>Only the app's own types are looked into: services and framework objects carry no caller text.</summary>
    private static bool IsInputRecord(Type type) =>
        type is { IsEnum: false, IsPrimitive: false } && (type.Assembly == typeof(TextFields).Assembly || type.Assembly == typeof(TypedText).Assembly);

    private static (string Name, PropertyInfo Property)[] PropertiesOf(Type type) =>
        Texts.GetOrAdd(type, t => JsonFields.Properties(t).Where(p => p.Property.PropertyType != typeof(object)).ToArray());
}
