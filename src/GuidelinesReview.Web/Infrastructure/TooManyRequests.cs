using System.Globalization;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>Makes a page's answer a 429 that says when to retry (whole seconds, rounded up).</summary>
public static class TooManyRequests
{
    /// <summary>Sets the status and Retry-After; returns the seconds, for the sentence on the page.</summary>
    public static int Refuse(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    /// <summary>"1 second", "40 seconds", "3 minutes": how long to wait, in words.</summary>
    public static string Wait(int seconds) => seconds <= 90
        ? $"{seconds} second{(seconds == 1 ? "" : "s")}"
        : $"{(seconds + 59) / 60} minutes";
}
