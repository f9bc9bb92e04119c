namespace GuidelinesReview.Web.Comments;

public enum CommentErrorKind
{
    Invalid,
    NotFound,
    Forbidden,
    ReadOnly,
    Conflict,
    RateLimited,
}

/// <summary>A refused request: what kind (for the HTTP status) and a sentence for the person.</summary>
public sealed class CommentException(CommentErrorKind kind, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public CommentErrorKind Kind { get; } = kind;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public int StatusCode => Kind switch
    {
        CommentErrorKind.NotFound => StatusCodes.Status404NotFound,
        CommentErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        CommentErrorKind.ReadOnly or CommentErrorKind.Conflict => StatusCodes.Status409Conflict,
        CommentErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };

    public static CommentException Invalid(string message) => new(CommentErrorKind.Invalid, message);

    public static CommentException NotFound(string message) => new(CommentErrorKind.NotFound, message);

    public static CommentException Forbidden(string message) => new(CommentErrorKind.Forbidden, message);
}
