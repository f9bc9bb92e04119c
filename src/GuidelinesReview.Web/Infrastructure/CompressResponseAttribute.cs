namespace GuidelinesReview.Web.Infrastructure;

/// <summary>
/// Marks pages whose responses are compressed: reading pages, which are large (a draft is
/// ~175 KB of HTML, ~30 KB compressed) and carry no secret such as an antiforgery token, so
/// compression cannot leak one (BREACH). Pages with forms are left uncompressed.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CompressResponseAttribute : Attribute;
