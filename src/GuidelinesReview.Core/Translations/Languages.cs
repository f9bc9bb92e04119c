namespace GuidelinesReview.Core.Translations;

/// <summary>A language as pages show it: its name in English, its own name, and its writing direction.</summary>
public sealed record LanguageInfo(string Code, string EnglishName, string NativeName, bool RightToLeft)
{
    public string Direction => RightToLeft ? "rtl" : "ltr";
}

/// <summary>Names of the languages a guideline is consulted in; the six UN languages are known by name, others by their code.</summary>
public static class Languages
{
    private static readonly Dictionary<string, LanguageInfo> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = new("ar", "Arabic", "العربية", true),
        ["zh"] = new("zh", "Chinese", "中文", false),
        ["en"] = new("en", "English", "English", false),
        ["fr"] = new("fr", "French", "Français", false),
        ["ru"] = new("ru", "Russian", "Русский", false),
        ["es"] = new("es", "Spanish", "Español", false),
        ["pt"] = new("pt", "Portuguese", "Português", false),
        ["fa"] = new("fa", "Persian", "فارسی", true),
        ["he"] = new("he", "Hebrew", "עברית", true),
        ["ur"] = new("ur", "Urdu", "اردو", true),
        ["sw"] = new("sw", "Swahili", "Kiswahili", false),
    };

    public static LanguageInfo Of(string code)
    {
        if (Known.TryGetValue(code, out var known))
        {
            return known with { Code = code };
        }

        var primary = code.Split('-')[0];
        return Known.TryGetValue(primary, out var family)
            ? family with { Code = code, EnglishName = $"{family.EnglishName} ({code})", NativeName = $"{family.NativeName} ({code})" }
            : new LanguageInfo(code, code, code, false);
    }

    /// <summary>"Not translated yet", in the reader's language (English when the language is not one of those known).</summary>
    public static string NotTranslatedYet(string code) => code.Split('-')[0].ToLowerInvariant() switch
    {
        "ar" => "لم تُترجم بعد",
        "zh" => "尚未翻译",
        "fr" => "Pas encore traduit",
        "ru" => "Ещё не переведено",
        "es" => "Aún sin traducir",
        "pt" => "Ainda não traduzido",
        _ => "Not translated yet",
    };
}
