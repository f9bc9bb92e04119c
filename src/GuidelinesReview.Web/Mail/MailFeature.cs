using Microsoft.AspNetCore.Identity;

namespace GuidelinesReview.Web.Mail;

/// <summary>Mail: the outbox in the database, the background sender (MailKit over SMTP), the account mails and their link tokens.</summary>
public static class MailFeature
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.SectionName));
        services.AddHttpContextAccessor();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<AccountMails>();
        services.AddScoped<PublicLinks>();
        services.AddSingleton<MailRequestLimiter>();
        services.AddHostedService<MailSender>();

        // One provider for both mailed links, with the app's clock and a lifetime per purpose.
        services.AddTransient<AccountTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[AccountTokenProvider.Name] = new TokenProviderDescriptor(typeof(AccountTokenProvider));
            o.Tokens.EmailConfirmationTokenProvider = AccountTokenProvider.Name;
            o.Tokens.PasswordResetTokenProvider = AccountTokenProvider.Name;
        });
        return services;
    }
}
