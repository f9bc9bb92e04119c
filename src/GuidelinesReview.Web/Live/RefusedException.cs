namespace GuidelinesReview.Web.Live;

public enum RefusedBecause
{
    Invalid,
    NotFound,
    Forbidden,
    ReadOnly,
    Conflict,
    RateLimited,
}

/// <summary>A refused request: what kind (for the HTTP status) and a sentence for the person.</summary>
public sealed class RefusedException(RefusedBecause kind, string message, TimeSpan? retryAfter = null, string? code = null) : Exception(message)
{
    public RefusedBecause Kind { get; } = kind;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>A stable code for API callers when the kind alone does not say what to do (e.g. "version-superseded").</summary>
    public string? Code { get; } = code;

    public int StatusCode => Kind switch
    {
        RefusedBecause.NotFound => StatusCodes.Status404NotFound,
        RefusedBecause.Forbidden => StatusCodes.Status403Forbidden,
        RefusedBecause.ReadOnly or RefusedBecause.Conflict => StatusCodes.Status409Conflict,
        RefusedBecause.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };

    public static RefusedException Invalid(string message) => new(RefusedBecause.Invalid, message);

    public static RefusedException NotFound(string message) => new(RefusedBecause.NotFound, message);

    public static RefusedException Forbidden(string message) => new(RefusedBecause.Forbidden, message);
}
