using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace GuidelinesReview.Web.Live;

/// <summary>What every hub, JSON API and form shares: SignalR with the call filter, one JSON shape for both, one rule for text.</summary>
public static class LiveFeature
{
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        var enums = new JsonStringEnumConverter(JsonNamingPolicy.CamelCase);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(enums));
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<HubCallFilter>();
        services.AddSingleton<PostingLimiter>();
        services.AddSignalR(o =>
            {
                o.AddFilter<HubCallFilter>();

                // A comment may hold 10,000 characters of body and 10,000 of proposed change; in
                // scripts that take three bytes a character that is ~60 KB, over the 32 KB default.
                o.MaximumReceiveMessageSize = 128 * 1024;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(enums));
        services.Configure<MvcOptions>(o => o.Filters.Add<FormTextFilter>());
        return services;
    }
}
