using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Translations;

/// <summary>Translations: translators' languages, the workspace and its hub, review, glossary, XLIFF exchange, localized reading.</summary>
public static class TranslationsFeature
{
    /// <summary>Following translations: the secretariat, admins and translators (who read every language's progress).</summary>
    public const string TranslationWork = nameof(TranslationWork);

    public static IServiceCollection AddTranslations(this IServiceCollection services)
    {
        services.AddScoped<TranslationAccess>();
        services.AddScoped<TranslationReader>();
        services.AddScoped<TranslationCarryService>();
        services.AddScoped<TranslationContentImporter>();
        services.AddScoped<TranslatorLanguagesService>();
        services.AddScoped<TranslationProgress>();
        services.AddScoped<GlossaryService>();

        services.Configure<AuthorizationOptions>(o => o.AddPolicy(TranslationWork, p => p.RequireRole(Roles.Translator, Roles.Secretariat, Roles.Admin)));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Translations/Translators", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Translations/Progress", TranslationWork);

            // The glossary is read by everyone signed in; GlossaryService lets only the secretariat change it.
        });
        return services;
    }

    public static IEndpointRouteBuilder MapTranslations(this IEndpointRouteBuilder app) => app;
}
