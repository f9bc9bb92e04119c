using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GuidelinesReview.Tests.Web;

/// <summary>A clock the test sets; until then, the real time.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? now;

    public override DateTimeOffset GetUtcNow() => now ?? base.GetUtcNow();

    /// <summary>From now on the app's time is <paramref name="instant"/> (UTC).</summary>
    public void Set(DateTime instant) => now = new DateTimeOffset(instant, TimeSpan.Zero);

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    /// <summary>The whole minute <paramref name="minutes"/> after the current one: a later instant that prints without seconds.</summary>
    public DateTime WholeMinutesAhead(int minutes)
    {
        var now = UtcNow;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(minutes);
    }
}

/// <summary>
/// The app on a clock the tests set, for what happens at given instants (consultation windows).
/// Its own database and collection: moving this clock must not move the shared app's.
/// Tests only move it forward and by minutes, so sign-in cookies (12 hours) stay valid.
/// </summary>
public sealed class ClockedAppFactory : AppFactory
{
    public TestClock Clock { get; } = new();

    public Task ClearConsultationWindowsAsync() => DbAsync(db =>
    {
        db.ConsultationWindows.RemoveRange(db.ConsultationWindows);
        return db.SaveChangesAsync();
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

[CollectionDefinition(Name)]
public sealed class ClockedAppCollection : ICollectionFixture<ClockedAppFactory>
{
    public const string Name = "app on a test clock";
}
