using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;
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

        services.AddDbContext<AppDbContext>(o => o.UseSqlite(connectionString));

        // Keys beside the database, so sign-ins and antiforgery tokens survive a restart.
        services.AddDataProtection()
            .SetApplicationName("GuidelinesReview")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.ResolveDataDirectory(builder.Environment.ContentRootPath), "keys")));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DraftPublisher>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<DraftReader>();
        services.AddScoped<InvitationService>();
        services.AddScoped<DatabaseInitializer>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false; // length matters more than composition rules
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();

        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "gr.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = securePolicy;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
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

        services.AddAuthorization(Policies.Add);
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin/Users", Policies.Admin);
            o.Conventions.AuthorizeFolder("/Admin/Invitations", Policies.Secretariat);
        });
    }

    public static void UseGuidelinesReview(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseSecurityHeaders();
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
    }
}
