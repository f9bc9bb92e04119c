using GuidelinesReview.Core.Translations;
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
        services.AddScoped<XliffExchange>();
        services.AddSingleton<TranslationPresence>();
        services.AddSingleton<PresenceTracker>(sp => sp.GetRequiredService<TranslationPresence>());
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
