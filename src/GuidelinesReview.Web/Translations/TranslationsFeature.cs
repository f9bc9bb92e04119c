using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Live;
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
        services.AddSingleton<SegmentCache>();
        services.AddScoped<LocalizedVersions>();
        services.AddScoped<TranslationCarryService>();
        services.AddScoped<TranslationContentImporter>();
        services.AddScoped<TranslationService>();
        services.AddScoped<TranslationWorkspace>();
        services.AddScoped<XliffExchange>();
        services.AddSingleton<TranslationPresence>();
        services.AddSingleton<PresenceTracker>(sp => sp.GetRequiredService<TranslationPresence>());
        services.AddScoped<TranslatorLanguagesService>();
        services.AddScoped<TranslationProgress>();
        services.AddScoped<GlossaryService>();

        services.Configure<AuthorizationOptions>(o => o.AddPolicy(TranslationWork, p => p.RequireRole(Roles.Translator, Roles.Secretariat, Roles.Admin)));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Translations", Policies.Members);
            o.Conventions.AuthorizePage("/Translations/Translators", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Translations/Progress", TranslationWork);

            // The glossary is read by everyone signed in; GlossaryService lets only the secretariat change it.
        });
        return services;
    }

    public static IEndpointRouteBuilder MapTranslations(this IEndpointRouteBuilder app)
    {
        app.MapHub<TranslationHub>("/hubs/translate", o => o.CloseOnAuthenticationExpiration = true);

        // The export for CAT tools: XLIFF 2.0 (default) or 1.2. Importing is a form (Pages/Translations/Import).
        app.MapGet("/guidelines/{slug}/v/{number:int}/translate/{lang}/xliff", async (string slug, int number, string lang, string? format, HttpContext http, XliffExchange exchange, CancellationToken ct) =>
            {
                var version = format switch
                {
                    null or "" or "2.0" or "2" => XliffVersion.V20,
                    "1.2" => XliffVersion.V12,
                    _ => throw RefusedException.Invalid($"'{format}' is not an XLIFF version this platform writes: use format=2.0 or format=1.2."),
                };
                var (fileName, xml) = await exchange.ExportAsync(Caller.From(http.User), slug, number, lang, version, ct);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(xml), "application/xliff+xml", fileName);
            })
            .RequireAuthorization()
            .AddEndpointFilter<ApiRefusalFilter>();
        return app;
    }
}
