namespace GuidelinesReview.Web.Pages.Guidelines;

/// <summary>One level of the draft's table of contents: the children of <paramref name="ParentAnchor"/>.</summary>
public sealed record TocLevel(DraftModel Page, string? ParentAnchor);
