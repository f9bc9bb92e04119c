using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Rollups;

/// <summary>Rollups: feedback per thematic area × principle, key findings, the findings report.</summary>
public static class RollupsFeature
{
    public static IServiceCollection AddRollups(this IServiceCollection services)
    {
        services.AddScoped<RollupQueries>();
        services.AddScoped<KeyFindingService>();
        services.AddScoped<FindingsReportService>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizePage("/Guidelines/Rollup", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Guidelines/Findings", Policies.Secretariat);
        });
        return services;
    }
}
