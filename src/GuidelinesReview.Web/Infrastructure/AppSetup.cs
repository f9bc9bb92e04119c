using System.Text.Json;
using System.Text.Json.Serialization;
using GuidelinesReview.Web.Api;
using GuidelinesReview.Web.Comments;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Hubs;
using GuidelinesReview.Web.Services;
using Microsoft.AspNetCore.DataProtection;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace GuidelinesReview.Web.Infrastructure;

/// <summary>Service registration and the HTTP pipeline, shared by the web app and the admin command.</summary>
public static class AppSetup
{
    public const string SignInRateLimit = "sign-in";

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

        // Keys beside the database, so sign-ins and antiforgery tokens survive a restart.
        services.AddDataProtection()
            .SetApplicationName("GuidelinesReview")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.ResolveDataDirectory(builder.Environment.ContentRootPath), "keys")));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DraftPublisher>();
        services.AddScoped<CarryForwardService>();
        services.AddScoped<DiffService>();
        services.AddSingleton<DiffCache>();
        services.AddSingleton<DocxConverter>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<MeetingImporter>();
        services.AddScoped<MeetingReader>();
        services.AddScoped<GuidelinesReview.Web.Meetings.RoomService>();
        services.AddScoped<GuidelinesReview.Web.Meetings.MeetingSetup>();
        services.AddScoped<GuidelinesReview.Web.Rollups.RollupQueries>();
        services.AddScoped<GuidelinesReview.Web.Rollups.KeyFindingService>();
        services.AddScoped<GuidelinesReview.Web.Rollups.FindingsReportService>();
        services.AddScoped<GuidelinesReview.Web.Meetings.RoomBroadcaster>();
        services.AddScoped<GuidelinesReview.Web.Meetings.RoomEvictions>();
        services.AddSingleton<GuidelinesReview.Web.Meetings.RoomPresence>();
        services.AddScoped<DraftReader>();
        services.AddScoped<InvitationService>();
        services.AddScoped<AccountService>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<GeneratedConsultation>();
        services.AddScoped<CommentViews>();
        services.AddScoped<CommentService>();
        services.AddScoped<GuidelinesReview.Web.Consultations.ConsultationService>();
        services.AddScoped<DispositionQueries>();
        services.AddScoped<ReviewBroadcaster>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<PresenceNotifier>();
        services.AddSingleton<CommentSnapshots>();
        services.AddSingleton<PostingLimiter>();

        var enums = new JsonStringEnumConverter(JsonNamingPolicy.CamelCase);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(enums));
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<CommentHubFilter>();
        services.AddSingleton<AccountStamps>();
        services.AddSignalR(o =>
            {
                o.AddFilter<CommentHubFilter>();

                // A comment may hold 10,000 characters of body and 10,000 of proposed change; in
                // scripts that take three bytes a character that is ~60 KB, over the 32 KB default.
                o.MaximumReceiveMessageSize = 128 * 1024;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(enums))
            // A room's notes are saved whole, up to 200,000 characters: far over the limit above.
            .AddHubOptions<GuidelinesReview.Web.Meetings.RoomHub>(o => o.MaximumReceiveMessageSize = GuidelinesReview.Web.Meetings.RoomService.MaxNotesMessageBytes);

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
        // Check the account's security stamp on every request, so a role change or removal
        // takes effect at once rather than after the default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
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

            // The API and the hub answer 401/403 instead of redirecting to a sign-in page.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
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

        // Sign-in and invitation forms, per client address: slows password guessing and keeps one
        // address from locking others out by burning their five attempts in a loop.
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests; // the default would be 503
            o.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Request.Method == HttpMethods.Post ? context.Connection.RemoteIpAddress?.ToString() ?? "unknown" : "reads",
                _ => context.Request.Method == HttpMethods.Post
                    ? new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }
                    : new FixedWindowRateLimiterOptions { PermitLimit = int.MaxValue, Window = TimeSpan.FromMinutes(1) }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute and try again.", ct);
            };
        });

        services.AddAuthorization(Policies.Add);
        services.AddRazorPages(o =>
        {
            o.Conventions.AddPageApplicationModelConvention("/Account/Login", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInRateLimit)));
            o.Conventions.AddPageApplicationModelConvention("/Account/AcceptInvite", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInRateLimit)));
            o.Conventions.AuthorizeFolder("/Admin/Users", Policies.Admin);
            o.Conventions.AuthorizeFolder("/Admin/Invitations", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Guidelines/Dispositions", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Guidelines/Consultation", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Guidelines/Publish", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Guidelines/Rollup", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Guidelines/Findings", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Meetings/EditRoom", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Meetings/EditMeeting", Policies.Secretariat);
            o.Conventions.AuthorizePage("/Meetings/NewMeeting", Policies.Secretariat);
        });
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
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
        app.UseWhen(
            context => context.GetEndpoint()?.Metadata.GetMetadata<CompressResponseAttribute>() is not null,
            branch => branch.UseResponseCompression());
        app.UseRateLimiter();
        app.UseJsonApiErrors();
        app.UseHubOriginCheck("/hubs");
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapCommentsApi();
        app.MapHub<ReviewHub>("/hubs/review", o => o.CloseOnAuthenticationExpiration = true);
        app.MapHub<GuidelinesReview.Web.Meetings.RoomHub>("/hubs/room", o => o.CloseOnAuthenticationExpiration = true);
    }
}
