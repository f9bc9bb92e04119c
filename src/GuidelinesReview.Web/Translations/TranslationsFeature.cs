namespace GuidelinesReview.Web.Translations;

/// <summary>Translations: translators' languages, the workspace and its hub, review, glossary, XLIFF exchange, localized reading.</summary>
public static class TranslationsFeature
{
    public static IServiceCollection AddTranslations(this IServiceCollection services)
    {
        services.AddScoped<TranslationAccess>();
        services.AddScoped<TranslationReader>();
        services.AddScoped<LocalizedVersions>();
        services.AddScoped<TranslationCarryService>();
        services.AddScoped<TranslationContentImporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapTranslations(this IEndpointRouteBuilder app) => app;
}
