namespace GuidelinesReview.Web.Notifications;

/// <summary>Notification digests: what is recorded for whom, the profile's choice, unsubscribe links, the background pass.</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.SectionName));
        services.AddScoped<NotificationRecorder>();
        services.AddScoped<NotificationSettings>();
        services.AddScoped<ConsultationAnnouncer>();
        services.AddScoped<DigestPass>();
        services.AddHostedService<DigestService>();
        return services;
    }
}
