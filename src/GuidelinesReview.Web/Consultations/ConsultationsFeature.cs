using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Consultations;

/// <summary>Consultation windows: when a version takes comments, and from whom.</summary>
public static class ConsultationsFeature
{
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddScoped<ConsultationService>();
        services.AddScoped<ReadAccess>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizePage("/Guidelines/Consultation", Policies.Secretariat));
        return services;
    }
}
