using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Live;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Meetings;

/// <summary>Expert group meetings: import and set-up, the agenda, breakout rooms live (room hub), the plenary summary.</summary>
public static class MeetingsFeature
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddScoped<MeetingImporter>();
        services.AddScoped<MeetingReader>();
        services.AddScoped<MeetingSetup>();
        services.AddScoped<RoomService>();
        services.AddScoped<RoomBroadcaster>();
        services.AddScoped<RoomEvictions>();
        services.AddSingleton<RoomPresence>();
        services.AddSingleton<PresenceTracker>(sp => sp.GetRequiredService<RoomPresence>());

        // A room's notes are saved whole, up to 200,000 characters: far over the hubs' common limit.
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Meetings", Policies.Members);
            o.Conventions.AuthorizePage("/Meetings/EditRoom", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Meetings/EditMeeting", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Meetings/NewMeeting", Policies.Secretariat);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        app.MapHub<RoomHub>("/hubs/room", o => o.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
