using System.Runtime.CompilerServices;

namespace GuidelinesReview.Tests;

/// <summary>
/// Every test runs with a local time zone that is not UTC (India, UTC+05:30, no daylight saving),
/// whatever the machine's: on a UTC machine a time read or written as local by mistake looks right,
/// so nothing would catch it. The apps the integration tests start run in this process and see it too.
/// </summary>
internal static class NotUtcTimeZone
{
    public const string Zone = "Asia/Kolkata";

    [ModuleInitializer]
    internal static void Set()
    {
        Environment.SetEnvironmentVariable("TZ", Zone);
        TimeZoneInfo.ClearCachedData();
    }
}
