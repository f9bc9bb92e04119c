using GuidelinesReview.Web.Accounts;
using GuidelinesReview.Web.Backups;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Consultations;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Drafts;
using GuidelinesReview.Web.Live;
using GuidelinesReview.Web.Mail;
using GuidelinesReview.Web.Meetings;
using GuidelinesReview.Web.Notifications;
using GuidelinesReview.Web.OrganisationSignIn;
using GuidelinesReview.Web.Registrations;
using GuidelinesReview.Web.Rollups;
using GuidelinesReview.Web.Translations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>Service registration and the HTTP pipeline, shared by the web app and the admin command.</summary>
public static class AppSetup
{
    public static void AddGuidelinesReview(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(AppOptions.SectionName).Get<AppOptions>() ?? new AppOptions();
        services.Configure<AppOptions>(builder.Configuration.GetSection(AppOptions.SectionName));

        var connectionString = builder.Configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = options.ResolveDataDirectory(builder.Environment.ContentRootPath);
            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "guidelines.db")}";
        }

        var busyTimeout = options.SqliteBusyTimeoutMs > 0 ? new SqliteBusyTimeout(options.SqliteBusyTimeoutMs) : null;
        services.AddDbContext<AppDbContext>(o =>
        {
            o.UseSqlite(connectionString);
            if (busyTimeout is not null)
            {
                o.AddInterceptors(busyTimeout);
            }
        });

        services.AddBackups(new SqliteConnectionStringBuilder(connectionString).DataSource, options, builder.Environment);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<GeneratedConsultation>();
        services.AddScoped<DemoComments>();
        services.AddScoped<SamplePublicConsultation>();

        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "gr.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = securePolicy;
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "gr.flash";
            o.Cookie.SecurePolicy = securePolicy;
        });

        // Compress the static files (Bootstrap's CSS is 230 KB, 30 KB gzipped) for experts on slow
        // connections. Pages are left alone: they carry antiforgery tokens (BREACH).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });

        services.AddRazorPages();

        // The features, each registering its services, hubs, page policies and options.
        services.AddLive();
        services.AddAccounts(securePolicy);
        services.AddOrganisationSignIn(builder.Configuration, builder.Environment);
        services.AddDrafts();
        services.AddComments();
        services.AddMeetings();
        services.AddConsultations();
        services.AddRegistrations();
        services.AddRollups();
        services.AddTranslations();
        services.AddMail(builder.Configuration);
        services.AddNotifications(builder.Configuration);
    }

    public static void UseGuidelinesReview(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");

        // Dates and numbers on pages in English whatever the server's own locale; browsers
        // show times in the reader's locale and time zone (review.js).
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("en-GB");
            o.RequestCultureProviders.Clear();
        });
        app.UseSecurityHeaders(app.Services.GetRequiredService<OrganisationSignInState>().ProviderOrigin);
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/lib") || context.Request.Path.StartsWithSegments("/css") || context.Request.Path.StartsWithSegments("/js"),
            branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            // Our own files are requested with ?v=<hash> (asp-append-version); libraries change only with package.json.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=86400",
        });
        app.UseRouting();
        app.UseWhen(
            context => context.GetEndpoint()?.Metadata.GetMetadata<CompressResponseAttribute>() is not null,
            branch => branch.UseResponseCompression());
        app.UseJsonApiErrors();
        app.UseHubOriginCheck("/hubs");
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapComments();
        app.MapMeetings();
        app.MapTranslations();
    }
}
