using GuidelinesReview.Web.Infrastructure;

namespace GuidelinesReview.Web.Backups;

/// <summary>Backups: the database file and its serving lock, backup and restore, and where the data-protection keys live.</summary>
public static class BackupsFeature
{
    public static IServiceCollection AddBackups(this IServiceCollection services, string databasePath, AppOptions options, IHostEnvironment environment)
    {
        services.AddSingleton(new DatabaseFile(databasePath));
        services.AddScoped<DatabaseBackup>();
        services.AddKeyStorage(options, environment);
        return services;
    }
}
