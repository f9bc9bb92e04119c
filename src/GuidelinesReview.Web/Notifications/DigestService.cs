using Microsoft.Extensions.Options;

namespace GuidelinesReview.Web.Notifications;

/// <summary>Runs the <see cref="DigestPass"/> every few seconds; a failed pass is logged and the next one tries again.</summary>
public sealed partial class DigestService(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundPass)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PassSeconds)), clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<DigestPass>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database busy or gone for a moment: nothing was marked sent, so the next pass retries.
                LogPassFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification digest pass failed; retrying at the next pass")]
    private partial void LogPassFailed(Exception exception);
}
