using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Comments;

/// <summary>Comments: the review hub, the comments API, moderation and dispositions.</summary>
public static class CommentsFeature
{
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddScoped<CommentService>();
        services.AddScoped<CommentViews>();
        services.AddScoped<DispositionQueries>();
        services.AddScoped<ReviewBroadcaster>();
        services.AddSingleton<CommentSnapshots>();
        services.AddSingleton<VersionPresence>();
        services.AddSingleton<PresenceTracker>(sp => sp.GetRequiredService<VersionPresence>());
        services.AddSingleton<PresenceNotifier>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Guidelines/Dispositions", Policies.Secretariat));
        return services;
    }

    public static IEndpointRouteBuilder MapComments(this IEndpointRouteBuilder app)
    {
        app.MapCommentsApi();
        app.MapHub<ReviewHub>("/hubs/review", o => o.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
