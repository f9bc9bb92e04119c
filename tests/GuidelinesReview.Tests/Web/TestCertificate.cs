using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GuidelinesReview.Tests.Web;

/// <summary>A self-signed certificate with its private key in a PFX file, as an operator would configure for the data-protection keys.</summary>
public static class TestCertificate
{
    public const string Password = "pfx-test-password";

    public static string WritePfx(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=GuidelinesReview keys (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, $"keys-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
