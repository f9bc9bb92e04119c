namespace GuidelinesReview.Core.Content;

/// <summary>
/// A guideline manifest or draft file is not in the expected format. The message is written
/// for the person who edits the file: it names the field or line that is wrong.
/// </summary>
public sealed class ContentFormatException(string message) : Exception(message);
