namespace GuidelinesReview.Core.Meetings;

public enum TakeawayKind
{
    Recommendation,
    Concern,
    Question,
    ProposedTextChange,
}

public static class MeetingNames
{
    public static string Of(TakeawayKind kind) => kind switch
    {
        TakeawayKind.Concern => "Concern",
        TakeawayKind.Question => "Question",
        TakeawayKind.ProposedTextChange => "Proposed text change",
        _ => "Recommendation",
    };
}
