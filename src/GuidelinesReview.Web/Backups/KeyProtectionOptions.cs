namespace GuidelinesReview.Web.Backups;

/// <summary>Settings under "GuidelinesReview:DataProtection".</summary>
public sealed class KeyProtectionOptions
{
    /// <summary>A PFX file (certificate with its private key) that encrypts the data-protection keys stored in the database.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX file's password; also read from GR_KEYS_CERTIFICATE_PASSWORD, so it need not sit in a settings file.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Outside Development the app refuses to start without a certificate; this says the operator
    /// knowingly keeps the keys in clear (e.g. the database sits on an encrypted disk nobody else reads).
    /// </summary>
    public bool AllowUnprotectedKeys { get; set; }
}
