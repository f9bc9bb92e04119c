namespace GuidelinesReview.Core.Translations;

/// <summary>How much a <see cref="TranslationIssue"/> weighs when a reviewer approves a block.</summary>
public enum CheckSeverity
{
    /// <summary>Shown to the translator and the reviewer; approval is possible without a reason.</summary>
    Warning,

    /// <summary>Prevents approval unless the reviewer waives the issue with a reason.</summary>
    Blocking,
}
