using System.Reflection;
using GuidelinesReview.Core.Markdown;
using GuidelinesReview.Core.Translations;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// Runs the cases of Specs/translation-checks.md (format described at the top of that file), and
/// checks what is easier to read as a table: number writings, French spacing, the code list.
/// </summary>
public sealed class TranslationChecksTests
{
    private const string FileName = "translation-checks.md";

    private static readonly Lazy<(List<GlossaryEntry> Glossary, List<SpecCase> Cases)> Spec = new(Load);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var specCase in Spec.Value.Cases)
        {
            data.Add(specCase.Name);
        }

        return data;
    }

    [Fact]
    public void The_spec_file_holds_cases_and_a_glossary_and_every_case_says_what_it_expects()
    {
        Assert.True(Spec.Value.Cases.Count >= 30, $"only {Spec.Value.Cases.Count} cases in {FileName}");
        Assert.True(Spec.Value.Glossary.Count >= 4, $"only {Spec.Value.Glossary.Count} glossary terms in {FileName}");
        foreach (var specCase in Spec.Value.Cases)
        {
            foreach (var name in new[] { "language", "source", "target", "expect" })
            {
                Assert.True(specCase.Expectations.Count(e => e.Name == name) == 1, $"case '{specCase.Name}' (line {specCase.LineNumber}) needs one '@@@ {name}'");
            }
        }

        // Every code fires in some case, and every language with rules has a case without any issue.
        var expected = Spec.Value.Cases.SelectMany(c => c.Expectations.Single(e => e.Name == "expect").Entries())
            .Select(line => line.Split('|')[0].Trim()).ToHashSet();
        Assert.Empty(TranslationCheckCodes.All.Select(c => c.Code).Except(expected));
        foreach (var language in new[] { "fr", "es", "ar", "zh" })
        {
            Assert.Contains(Spec.Value.Cases, c => Directive(c, "language") == language && !c.Expectations.Single(e => e.Name == "expect").Entries().Any());
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case(string name)
    {
        var spec = Spec.Value.Cases.Single(c => c.Name == name);
        var unknown = spec.Expectations.FirstOrDefault(e => e.Name is not ("language" or "source" or "target" or "expect"));
        Assert.True(unknown is null, $"{FileName} line {unknown?.LineNumber}: unknown directive '@@@ {unknown?.Name}'.");

        var issues = TranslationChecks.Check(Text(spec, "source"), Text(spec, "target"), Directive(spec, "language"), Spec.Value.Glossary);

        var expected = spec.Expectations.Single(e => e.Name == "expect").Entries()
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries))
            .ToList();
        var shown = string.Join("\n", issues.Select(i => $"  {i.Code}: {i.Message}"));
        Assert.True(
            expected.Select(e => e[0]).Order(StringComparer.Ordinal).SequenceEqual(issues.Select(i => i.Code).Order(StringComparer.Ordinal)),
            $"expected [{string.Join(", ", expected.Select(e => e[0]))}], got:\n{shown}");
        foreach (var expectation in expected.Where(e => e.Length == 2))
        {
            Assert.True(
                issues.Any(i => i.Code == expectation[0] && i.Message.Contains(expectation[1], StringComparison.Ordinal)),
                $"no {expectation[0]} issue says \"{expectation[1]}\"; got:\n{shown}");
        }

        AssertWellFormed(issues);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void An_empty_translation_has_no_issue(string target)
    {
        var glossary = new List<GlossaryEntry> { Entry("open data", "fr", "données ouvertes") };
        Assert.Empty(TranslationChecks.Check("Publish open data by 2030 [here](https://example.org) `x`[^1] *now*.", target, "fr", glossary));
    }

    [Fact]
    public void The_glossary_messages_name_the_term_the_rendering_and_the_language()
    {
        var glossary = new List<GlossaryEntry> { Entry("open data", "fr", "données ouvertes", "données libres") };

        var issues = TranslationChecks.Check("Open data.", "Données libres.", "fr", glossary);

        Assert.Equal(
            [
                new TranslationIssue("glossary-missing", CheckSeverity.Blocking, "The glossary says 'open data' is 'données ouvertes' in French; the translation does not use it."),
                new TranslationIssue("glossary-forbidden", CheckSeverity.Blocking, "The translation uses 'Données libres', which the glossary forbids: use 'données ouvertes'."),
            ],
            issues);
    }

    [Theory]
    [InlineData("fr", "Les données ouvertes.")]
    [InlineData("fr", "Les DONNÉES OUVERTES.")]
    [InlineData("fr", "Les données\nouvertes.")]
    [InlineData("fr", "Les *données* ouvertes.")]
    [InlineData("fr", "Les [données ouvertes](https://example.org).")]
    [InlineData("fr-BE", "Les données ouvertes.")]
    [InlineData("FR", "Les données ouvertes.")]
    public void The_preferred_rendering_is_found_whatever_the_case_line_breaks_and_markup(string language, string target)
    {
        var glossary = new List<GlossaryEntry> { Entry("open data", "fr", "données ouvertes") };
        Assert.DoesNotContain(TranslationChecks.Check("Open data.", target, language, glossary), i => i.Code == TranslationCheckCodes.GlossaryMissing);
    }

    [Theory]
    [InlineData("Les donnéesouvertes.")]
    [InlineData("Les données-ouvertes.")]
    [InlineData("Les données `ouvertes`.")]
    [InlineData("Les mégadonnées ouvertes.")]
    public void The_preferred_rendering_must_be_whole_words_of_the_text(string target)
    {
        var glossary = new List<GlossaryEntry> { Entry("open data", "fr", "données ouvertes") };
        Assert.Contains(TranslationChecks.Check("Open data.", target, "fr", glossary), i => i.Code == TranslationCheckCodes.GlossaryMissing);
    }

    [Fact]
    public void A_forbidden_variant_inside_the_preferred_rendering_is_not_reported()
    {
        var glossary = new List<GlossaryEntry> { Entry("public sector body", "fr", "organisme du secteur public", "secteur public") };
        Assert.Empty(TranslationChecks.Check("A public sector body.", "Un organisme du secteur public.", "fr", glossary));
        Assert.Contains(TranslationChecks.Check("A public sector body.", "Un organisme du secteur public et le secteur public.", "fr", glossary),
            i => i.Code == TranslationCheckCodes.GlossaryForbidden);
    }

    [Theory]
    // Grouping: comma, space, full stop, no-break space, narrow no-break space, apostrophe, none.
    [InlineData("1,000 people", "1,000 personnes", true)]
    [InlineData("1,000 people", "1 000 personnes", true)]
    [InlineData("1,000 people", "1.000 personnes", true)]
    [InlineData("1,000 people", "1\u00A0000 personnes", true)]
    [InlineData("1,000 people", "1\u202F000 personnes", true)]
    [InlineData("1,000 people", "1'000 Personen", true)]
    [InlineData("1,000 people", "1000 personnes", true)]
    [InlineData("1000 people", "1 000 personnes", true)]
    [InlineData("1,000 people", "100 personnes", false)]
    [InlineData("1,000 people", "1 personne", false)]
    [InlineData("2,500,000 euros", "2\u202F500\u202F000 euros", true)]
    [InlineData("2,500,000 euros", "2,5 millions d'euros", false)]
    // Decimals: the decimal comma is accepted; the digits after the mark count.
    [InlineData("3.5%", "3,5 %", true)]
    [InlineData("3.5%", "3.5 %", true)]
    [InlineData("3.5%", "35 %", false)]
    [InlineData("3.5%", "3 %", false)]
    [InlineData("3.5%", "5 %", false)]
    [InlineData("1,234.56", "1 234,56", true)]
    [InlineData("1,234.56", "1.234,56", true)]
    [InlineData("1,234.56", "1 234", false)]
    [InlineData("0.75", "0,75", true)]
    // Years, section numbers, digits of other scripts.
    [InlineData("by 2030", "d'ici 2030", true)]
    [InlineData("by 2030", "d'ici 2035", false)]
    [InlineData("by 2030", "بحلول عام ٢٠٣٠", true)]
    [InlineData("by 2030", "到２０３０年", true)]
    [InlineData("section 2.3", "section 2.3", true)]
    [InlineData("section 2.3", "section 3.2", false)]
    [InlineData("section 2.3.1", "section 2.3.1", true)]
    [InlineData("section 2.3.1", "section 2.3", false)]
    // A space does not join two numbers: 2030 and 15 stay two numbers.
    [InlineData("in 2030 15 countries", "en 2030, 15 pays", true)]
    [InlineData("in 2030, 15 countries", "en 2030 15 pays", true)]
    public void Numbers_may_be_written_the_way_the_language_writes_them(string source, string target, bool same)
    {
        var issues = TranslationChecks.Check(source, target, "fr", []);
        if (same)
        {
            Assert.DoesNotContain(issues, i => i.Code == TranslationCheckCodes.NumberMissing);
        }
        else
        {
            Assert.Contains(issues, i => i.Code == TranslationCheckCodes.NumberMissing);
        }
    }

    [Theory]
    [InlineData("Remarque : voici", 0)]
    [InlineData("Remarque\u00A0: voici", 0)]
    [InlineData("Remarque\u202F: voici", 0)]
    [InlineData("Remarque: voici", 1)]
    [InlineData("Vraiment\u202F?! Oui\u202F!", 0)]
    [InlineData("Vraiment?! Oui!", 2)]
    [InlineData("Un; deux", 1)]
    [InlineData("« texte »", 0)]
    [InlineData("«\u202Ftexte\u202F»", 0)]
    [InlineData("«texte»", 2)]
    [InlineData("À 10:30, à 9:05 et 1:2", 0)]
    [InlineData("Voir https://example.org/a?b=1&c=2#x:y ici", 0)]
    [InlineData("Voir <https://example.org/a?b=1> ici", 0)]
    [InlineData("Voir [la page](https://example.org/a?b=1) ici", 0)]
    [InlineData("Voir [la page: ici](https://example.org) ici", 1)]
    [InlineData("Réglez `a:b` et `c?`", 0)]
    [InlineData("Un&nbsp;: entité", 0)]
    public void French_needs_a_space_before_high_punctuation_and_inside_guillemets(string target, int expected)
    {
        var issues = TranslationChecks.Check(target, target, "fr", []);
        Assert.Equal(expected, issues.Count(i => i.Code == TranslationCheckCodes.PunctuationFrench));
        Assert.All(issues.Where(i => i.Code == TranslationCheckCodes.PunctuationFrench),
            i => Assert.Contains("narrow no-break space", i.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("المدن، والبلدان", 0)]
    [InlineData("المدن, والبلدان", 1)]
    [InlineData("المدن ,والبلدان", 1)]
    [InlineData("هل تنشر المدن؟", 0)]
    [InlineData("هل تنشر المدن?", 1)]
    [InlineData("المدن؛ والبلدان", 0)]
    [InlineData("المدن; والبلدان", 1)]
    [InlineData("النسبة 1,5 في المائة", 0)]
    [InlineData("انظر https://example.org/a?b=1,2", 0)]
    [InlineData("المعيار ISO, ثم", 0)]
    public void Arabic_uses_arabic_commas_and_question_marks(string target, int expected)
    {
        var issues = TranslationChecks.Check(target, target, "ar", []);
        Assert.Equal(expected, issues.Count(i => i.Code == TranslationCheckCodes.PunctuationArabic));
    }

    [Theory]
    [InlineData("开放数据，很重要。", 0)]
    [InlineData("开放数据,很重要.", 2)]
    [InlineData("什么?真的!", 2)]
    [InlineData("注意:数据;", 2)]
    [InlineData("版本 2.3, 共 1,000 个", 0)]
    [InlineData("见 `a.b` 和 https://example.org/a.b", 0)]
    [InlineData("字𠀀,", 1)]
    public void Chinese_uses_full_width_punctuation_after_chinese_characters(string target, int expected)
    {
        var issues = TranslationChecks.Check(target, target, "zh-Hant", []);
        Assert.Equal(expected, issues.Count(i => i.Code == TranslationCheckCodes.PunctuationChinese));
    }

    [Fact]
    public void Punctuation_rules_apply_to_their_language_only()
    {
        Assert.Empty(TranslationChecks.Check("Note: yes!", "Note: oui!", "en", []));
        Assert.DoesNotContain(TranslationChecks.Check("x", "开放数据,很重要.", "ja", []), i => i.Code == TranslationCheckCodes.PunctuationChinese);
    }

    [Fact]
    public void The_same_issue_is_reported_once()
    {
        var issues = TranslationChecks.Check("In 2030 and 2030, `a` and `a`, [x](https://a.example) [y](https://a.example).", "En 2035 et 2035.", "fr", []);
        Assert.Equal(issues.Count, issues.Distinct().Count());
        Assert.Equal(1, issues.Count(i => i.Code == TranslationCheckCodes.NumberMissing));
        Assert.Equal(1, issues.Count(i => i.Code == TranslationCheckCodes.CodeMissing));
        Assert.Equal(1, issues.Count(i => i.Code == TranslationCheckCodes.LinkMissing));
    }

    [Fact]
    public void Issues_come_in_the_order_of_the_code_list()
    {
        var glossary = new List<GlossaryEntry> { Entry("open data", "fr", "données ouvertes") };
        var issues = TranslationChecks.Check("*Open data* in 2030 `x`[^1] [a](https://a.example)", " Rien: ici  là", "fr", glossary);
        var order = TranslationCheckCodes.All.Select(c => c.Code).ToList();
        var positions = issues.Select(i => order.IndexOf(i.Code)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(order.Count - 3, issues.Select(i => i.Code).Distinct().Count()); // all but glossary-forbidden, punctuation-ar and punctuation-zh
    }

    [Fact]
    public void Too_long_a_text_is_refused_as_bad_input()
    {
        var longText = new string('a', TranslationChecks.MaxTextLength + 1);
        Assert.Throws<MarkdownRejectedException>(() => TranslationChecks.Check(longText, "b", "fr", []));
        Assert.Throws<MarkdownRejectedException>(() => TranslationChecks.Check("a", longText, "fr", []));
    }

    [Fact]
    public void Every_code_is_listed_once_with_a_meaning_and_a_constant()
    {
        var constants = typeof(TranslationCheckCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var listed = TranslationCheckCodes.All.Select(c => c.Code).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(constants.Order(), listed.Order());
        Assert.All(TranslationCheckCodes.All, c =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", c.Code);
            Assert.EndsWith(".", c.Meaning, StringComparison.Ordinal);
        });
        Assert.Equal(
            ["glossary-missing", "glossary-forbidden", "link-missing", "code-missing", "footnote-missing", "number-missing"],
            TranslationCheckCodes.All.Where(c => c.Severity == CheckSeverity.Blocking).Select(c => c.Code));
        Assert.Throws<ArgumentException>(() => TranslationCheckCodes.SeverityOf("no-such-code"));
    }

    /// <summary>Each message is one sentence of one line, with the severity of its code.</summary>
    private static void AssertWellFormed(IReadOnlyList<TranslationIssue> issues)
    {
        Assert.Equal(issues.Count, issues.Distinct().Count());
        foreach (var issue in issues)
        {
            Assert.Equal(TranslationCheckCodes.SeverityOf(issue.Code), issue.Severity);
            Assert.True(char.IsUpper(issue.Message[0]), $"'{issue.Message}' does not start with a capital");
            Assert.EndsWith(".", issue.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', issue.Message);
            Assert.DoesNotContain(". ", issue.Message.TrimEnd('.'), StringComparison.Ordinal);
        }
    }

    private static GlossaryEntry Entry(string term, string language, string preferred, params string[] forbidden) =>
        new(term, new Dictionary<string, GlossaryRendering> { [language] = new(preferred, forbidden) }, "");

    private static string Directive(SpecCase spec, string name) => spec.Expectations.Single(e => e.Name == name).Argument;

    /// <summary>A text directive's lines joined with \n, trailing blank lines dropped, no final newline.</summary>
    private static string Text(SpecCase spec, string name)
    {
        var lines = spec.Expectations.Single(e => e.Name == name).Lines.ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join("\n", lines);
    }

    private static (List<GlossaryEntry>, List<SpecCase>) Load()
    {
        var (header, cases) = SpecFile.ReadCases(FileName);
        var glossary = header.Where(d => d.Name == "term").Select(ReadTerm).ToList();
        return (glossary, cases);
    }

    /// <summary>"fr: données ouvertes | forbidden: données libres, données open" per language.</summary>
    private static GlossaryEntry ReadTerm(SpecDirective directive)
    {
        var renderings = new Dictionary<string, GlossaryRendering>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in directive.Entries())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw new InvalidDataException($"{FileName} line {directive.LineNumber}: '{line}' is not 'language: rendering'.");
            }

            var parts = line[(colon + 1)..].Split('|', StringSplitOptions.TrimEntries);
            var forbidden = parts.Skip(1)
                .Select(p => p.StartsWith("forbidden:", StringComparison.Ordinal) ? p["forbidden:".Length..] : throw new InvalidDataException($"{FileName}: unknown part '{p}'."))
                .SelectMany(p => p.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .ToList();
            renderings[line[..colon].Trim()] = new GlossaryRendering(parts[0], forbidden);
        }

        return new GlossaryEntry(directive.Argument, renderings, "");
    }
}
