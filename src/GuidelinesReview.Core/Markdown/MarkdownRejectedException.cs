namespace GuidelinesReview.Core.Markdown;

/// <summary>
/// Markdown that the platform refuses to process: too long or nested too deeply. Callers answer
/// it as bad input (a 4xx with this message), never as a server error.
/// </summary>
public sealed class MarkdownRejectedException(string message) : Exception(message);
