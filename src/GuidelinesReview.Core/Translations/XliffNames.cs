using System.Xml.Linq;

namespace GuidelinesReview.Core.Translations;

/// <summary>The namespaces and state names the writer and the reader share (the mapping is documented on <see cref="XliffState"/>).</summary>
internal static class XliffNames
{
    public static readonly XNamespace V20 = "urn:oasis:names:tc:xliff:document:2.0";
    public static readonly XNamespace V12 = "urn:oasis:names:tc:xliff:document:1.2";

    /// <summary>Our own extension namespace, for the source hash on a unit (both versions allow attributes from other namespaces there).</summary>
    public static readonly XNamespace Gr = "urn:guidelinesreview:xliff";

    public static readonly XName SourceHash = Gr + "sourceHash";

    public static string To20(XliffState state) => state switch
    {
        XliffState.Initial => "initial",
        XliffState.Translated => "translated",
        XliffState.Reviewed => "reviewed",
        XliffState.Final => "final",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not an XLIFF state."),
    };

    public static XliffState? From20(string state) => state switch
    {
        "initial" => XliffState.Initial,
        "translated" => XliffState.Translated,
        "reviewed" => XliffState.Reviewed,
        "final" => XliffState.Final,
        _ => null,
    };

    public static string To12(XliffState state) => state switch
    {
        XliffState.Initial => "new",
        XliffState.Translated => "translated",
        XliffState.Reviewed => "signed-off",
        XliffState.Final => "final",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not an XLIFF state."),
    };

    public static XliffState? From12(string state) => state switch
    {
        "new" or "needs-translation" or "needs-adaptation" or "needs-l10n" => XliffState.Initial,
        "translated" or "needs-review-translation" or "needs-review-adaptation" or "needs-review-l10n" => XliffState.Translated,
        "signed-off" => XliffState.Reviewed,
        "final" => XliffState.Final,
        _ => null,
    };
}
