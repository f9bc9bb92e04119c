namespace GuidelinesReview.Core.Comments;

/// <summary>The comment types of the ISO/CEN comments table.</summary>
public enum CommentType
{
    General,
    Technical,
    Editorial,
}

/// <summary>The secretariat's decision on a comment.</summary>
public enum Decision
{
    Accepted,
    AcceptedInPart,
    NotAccepted,
    Noted,
    OutOfScope,
}

public enum CommentStatus
{
    Active,
    Withdrawn,
}

public static class CommentNames
{
    public static string Of(Decision decision) => decision switch
    {
        Decision.Accepted => "Accepted",
        Decision.AcceptedInPart => "Accepted in part",
        Decision.NotAccepted => "Not accepted",
        Decision.Noted => "Noted",
        _ => "Out of scope",
    };

    public static string Of(CommentType type) => type switch
    {
        CommentType.Technical => "Technical",
        CommentType.Editorial => "Editorial",
        _ => "General",
    };
}
