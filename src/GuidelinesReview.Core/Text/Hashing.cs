using System.Security.Cryptography;
using System.Text;

namespace GuidelinesReview.Core.Text;

public static class Hashing
{
    /// <summary>SHA-256 of the UTF-8 text as lower-case hex, optionally only its first <paramref name="bytes"/> bytes.</summary>
    public static string Sha256Hex(string text, int bytes = 32) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, bytes));
}
