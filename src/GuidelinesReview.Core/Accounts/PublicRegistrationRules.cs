namespace GuidelinesReview.Core.Accounts;

/// <summary>What the secretariat must give when suspending a public participant, in sentences for the form.</summary>
public static class PublicRegistrationRules
{
    public const int MaxReason = 500;

    /// <summary>The sentence every registration answers with, whether or not the address already had an account.</summary>
    public const string CheckYourMail = "Check your mail to confirm your address.";

    /// <summary>Null when the reason may be saved, else why not.</summary>
    public static string? CheckSuspensionReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Give the reason for the suspension: the participant and the other secretariat members read it."
        : reason.Trim().Length > MaxReason ? $"The reason is {reason.Trim().Length:N0} characters long; at most {MaxReason:N0} are allowed."
        : null;
}
