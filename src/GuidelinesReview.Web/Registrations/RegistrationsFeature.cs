using GuidelinesReview.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GuidelinesReview.Web.Registrations;

/// <summary>Open registration for public consultations, and the secretariat's list of registrations.</summary>
public static class RegistrationsFeature
{
    public static IServiceCollection AddRegistrations(this IServiceCollection services)
    {
        services.AddScoped<RegistrationService>();
        services.AddSingleton<RegistrationLimiter>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Admin/Registrations", Policies.Secretariat));
        return services;
    }
}
