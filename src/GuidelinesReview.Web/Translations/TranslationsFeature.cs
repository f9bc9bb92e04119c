using GuidelinesReview.Web.Live;

namespace GuidelinesReview.Web.Translations;

/// <summary>Translations: translators' languages, the workspace and its hub, review, glossary, XLIFF exchange, localized reading.</summary>
public static class TranslationsFeature
{
    public static IServiceCollection AddTranslations(this IServiceCollection services)
    {
        services.AddScoped<TranslationAccess>();
        services.AddScoped<TranslationReader>();
        services.AddScoped<TranslationCarryService>();
        services.AddScoped<TranslationContentImporter>();
        services.AddScoped<TranslationService>();
        services.AddScoped<TranslationWorkspace>();
        services.AddSingleton<TranslationPresence>();
        services.AddSingleton<PresenceTracker>(sp => sp.GetRequiredService<TranslationPresence>());
        return services;
    }

    public static IEndpointRouteBuilder MapTranslations(this IEndpointRouteBuilder app)
    {
        app.MapHub<TranslationHub>("/hubs/translate", o => o.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
