namespace GuidelinesReview.Core.Meetings;

/// <summary>
/// What a takeaway may hold. Characters the plenary summary's Word and Markdown exports cannot
/// carry are refused for every text field alike (<see cref="Text.TypedText"/>).
/// </summary>
public static class TakeawayRules
{
    public const int MaxText = 2_000;

    /// <summary>Paragraph anchors are short (<c>s8.1-p12</c>); the column holds 60 characters.</summary>
    public const int MaxAnchor = 60;

    /// <summary>The first problem with a takeaway (text already trimmed, anchor trimmed or null), or null.</summary>
    public static string? Check(string text, TakeawayKind kind, string? anchor) =>
        text.Length is 0 or > MaxText ? $"A takeaway has 1 to {MaxText:N0} characters; this one has {text.Length:N0}."
        : !Enum.IsDefined(kind) ? "A takeaway is a recommendation, a concern, a question or a proposed text change."
        : anchor is { Length: > MaxAnchor } ? $"A paragraph is named by its anchor, such as s8-p1 (at most {MaxAnchor} characters)."
        : null;
}
