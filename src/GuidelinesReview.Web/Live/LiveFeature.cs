using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace GuidelinesReview.Web.Live;

/// <summary>What every hub, JSON API and form shares: SignalR with the call filter and explaining protocol, one JSON shape for both, one rule for text.</summary>
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

                // Each hub's own limit is checked by the protocol, which can answer with a sentence.
                o.MaximumReceiveMessageSize = ExplainedJsonHubProtocol.MaxFrameBytes;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(enums));
        services.Remove(services.Single(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType == typeof(JsonHubProtocol)));
        services.AddSingleton<IHubProtocol, ExplainedJsonHubProtocol>();
        services.Configure<MvcOptions>(o => o.Filters.Add<FormTextFilter>());
        return services;
    }
}
