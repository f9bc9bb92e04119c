namespace GuidelinesReview.Core.Translations;

/// <summary>The issues found so far, each once, in the order found, with the severity of their code.</summary>
internal sealed class IssueList
{
    private readonly List<TranslationIssue> issues = [];
    private readonly HashSet<(string Code, string Message)> seen = [];

    public IReadOnlyList<TranslationIssue> Issues => issues;

    public void Add(string code, string message)
    {
        if (seen.Add((code, message)))
        {
            issues.Add(new TranslationIssue(code, TranslationCheckCodes.SeverityOf(code), message));
        }
    }
}
