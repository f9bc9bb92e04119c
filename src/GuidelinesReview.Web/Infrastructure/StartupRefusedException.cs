namespace GuidelinesReview.Web.Infrastructure;

/// <summary>
/// A setting or the database keeps the app (or one of its commands) from starting, and the message
/// says what to change. <c>Program</c> prints the message alone and exits with 1: an operator needs
/// the sentence, not a stack trace after it.
/// </summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner);
