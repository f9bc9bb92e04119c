using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GuidelinesReview.Web.Data;
using GuidelinesReview.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace GuidelinesReview.Web.Backups;

/// <summary>
/// Where the data-protection keys live and how they are protected there: in the database (so the
/// one-file backup carries them, and sign-ins survive a restore), encrypted with the configured
/// certificate. Without one, Development keeps them in clear with a warning; elsewhere the app
/// refuses to start, since anyone who reads a copy of the database could forge a sign-in cookie.
/// </summary>
public static partial class KeyStorage
{
    public const string PasswordVariable = "GR_KEYS_CERTIFICATE_PASSWORD";

    public static void AddKeyStorage(this IServiceCollection services, AppOptions options, IHostEnvironment environment)
    {
        var keys = services.AddDataProtection()
            .SetApplicationName("GuidelinesReview")
            .PersistKeysToDbContext<AppDbContext>();

        var settings = options.DataProtection;
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            var path = Path.GetFullPath(settings.CertificatePath, environment.ContentRootPath);
            var certificate = LoadCertificate(path, settings.CertificatePassword ?? Environment.GetEnvironmentVariable(PasswordVariable));
            keys.ProtectKeysWithCertificate(certificate);
            services.AddHostedService(sp => new Notice(sp.GetRequiredService<ILogger<Notice>>(), logger => LogEncrypted(logger, certificate.Thumbprint, path)));
            return;
        }

        if (!environment.IsDevelopment() && !settings.AllowUnprotectedKeys)
        {
            throw new StartupRefusedException(
                "GuidelinesReview:DataProtection:CertificatePath is not set, so the data-protection keys (which sign every sign-in cookie) would be stored in the database unencrypted. " +
                "Set it to a PFX file with its private key (password in GuidelinesReview:DataProtection:CertificatePassword or " + PasswordVariable + "), " +
                "or set GuidelinesReview:DataProtection:AllowUnprotectedKeys=true to keep them in clear knowingly. See docs/backup.md.");
        }

        services.AddHostedService(sp => new Notice(sp.GetRequiredService<ILogger<Notice>>(), LogUnencrypted));
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new StartupRefusedException($"GuidelinesReview:DataProtection:CertificatePath: there is no file {path}.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException e)
        {
            throw new StartupRefusedException(
                $"GuidelinesReview:DataProtection:CertificatePath: {path} could not be opened as a PFX file with the password given " +
                $"(GuidelinesReview:DataProtection:CertificatePassword or {PasswordVariable}): {e.Message}", e);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new StartupRefusedException(
                $"GuidelinesReview:DataProtection:CertificatePath: {path} holds no private key, so keys encrypted with it could never be read back. Export the certificate with its private key.");
        }

        return certificate;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Data-protection keys are stored in the database, encrypted with certificate {Thumbprint} from {Path}")]
    private static partial void LogEncrypted(ILogger logger, string thumbprint, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data-protection keys are stored in the database UNENCRYPTED: set GuidelinesReview:DataProtection:CertificatePath to encrypt them (docs/backup.md)")]
    private static partial void LogUnencrypted(ILogger logger);

    /// <summary>Says once, when the app starts serving, how the keys are kept (not when a command runs).</summary>
    private sealed class Notice(ILogger<Notice> logger, Action<ILogger> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            log(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
