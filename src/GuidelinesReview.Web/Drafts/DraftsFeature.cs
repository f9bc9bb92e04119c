using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Drafts;

/// <summary>Drafts: importing content/, publishing versions (Markdown or Word), reading them, comparing them, carrying comments forward.</summary>
public static class DraftsFeature
{
    public static IServiceCollection AddDrafts(this IServiceCollection services)
    {
        services.AddScoped<ContentImporter>();
        services.AddScoped<DraftPublisher>();
        services.AddScoped<DraftReader>();
        services.AddScoped<CarryForwardService>();
        services.AddScoped<DiffService>();
        services.AddSingleton<DiffCache>();
        services.AddSingleton<BlockPlaces>();
        services.AddSingleton<DocxConverter>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Guidelines/Publish", Policies.Secretariat));
        return services;
    }
}
