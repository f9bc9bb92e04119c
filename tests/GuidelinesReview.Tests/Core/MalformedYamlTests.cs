using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Meetings;
using GuidelinesReview.Core.Translations;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// YAML the fuzzer found that got past the content readers as a crash (an exception other than
/// <see cref="ContentFormatException"/>, so a start-up import or an upload failed with no message
/// for the person): each is now refused with a sentence naming the file and what is wrong.
/// </summary>
public sealed class MalformedYamlTests
{
    [Fact]
    public void A_tag_that_is_not_a_uri_is_refused_as_unreadable_yaml_in_the_front_matter()
    {
        var error = Assert.Throws<ContentFormatException>(() => DraftFile.Parse("---\n!!.!!!!!!!!+!!!\n---\nBody\n", "v4.md"));

        Assert.Equal("v4.md: front matter the YAML could not be read: Global tags must be valid URIs. Check the tags ('!'), quotes and document markers ('---', '...').", error.Message);
    }

    [Fact]
    public void Stray_tokens_after_a_document_are_refused_as_unreadable_yaml()
    {
        var error = Assert.Throws<ContentFormatException>(() => MeetingDefinition.Parse("... \u0010. ", "egm-3.yml"));

        Assert.Equal("egm-3.yml: the YAML could not be read: The scanner should contain no more tokens. Check the tags ('!'), quotes and document markers ('---', '...').", error.Message);
    }

    [Fact]
    public void An_empty_entry_in_a_list_is_refused_with_its_place()
    {
        Assert.Equal(
            [
                "egm-3.yml: day 1 is empty.",
                "egm-3.yml: day 1, agenda item 1 is empty.",
                "egm-3.yml: day 1, agenda item 1, room 2 is empty.",
                "v2.fr.yml: unit 2 is empty.",
                "glossary.yml: term 1 is empty.",
                "guideline.yml: principles item 1 is empty.",
            ],
            new Action[]
            {
                () => MeetingDefinition.Parse(Meeting("  -\n"), "egm-3.yml"),
                () => MeetingDefinition.Parse(Meeting("  - date: 2026-05-04\n    agenda:\n      -\n"), "egm-3.yml"),
                () => MeetingDefinition.Parse(Meeting("  - date: 2026-05-04\n    agenda:\n      - time: \"09:00\"\n        title: Rooms\n        kind: breakout\n        rooms:\n          - title: A\n          -\n"), "egm-3.yml"),
                () => TranslationFile.Parse("version: 2\nlanguage: fr\nunits:\n  - id: s1-p1\n    state: draft\n    translator: t@demo.local\n    text: Texte\n  -\n", "v2.fr.yml"),
                () => GlossaryFile.Parse("terms:\n  -\n", "glossary.yml"),
                () => GuidelineManifest.Parse("slug: g\ntitle: G\nprinciples:\n  -\n"),
            }.Select(parse => Assert.Throws<ContentFormatException>(parse).Message));
    }

    [Fact]
    public void A_glossary_translation_without_a_preferred_term_or_with_an_empty_forbidden_one_is_handled()
    {
        var error = Assert.Throws<ContentFormatException>(() => GlossaryFile.Parse("terms:\n  - term: smart city\n    translations:\n      fr:\n", "glossary.yml"));
        var terms = GlossaryFile.Parse("terms:\n  - term: smart city\n    translations:\n      fr: { preferred: ville intelligente, forbidden: [~, cité intelligente] }\n", "glossary.yml");

        Assert.Equal("glossary.yml: term 'smart city': 'fr' needs a language code and a 'preferred' translation.", error.Message);
        Assert.Equal(["cité intelligente"], Assert.Single(terms).Translations["fr"].Forbidden);
    }

    private static string Meeting(string days) =>
        "slug: egm-3\ntitle: Third meeting\nguideline: people-centred-smart-cities\nversion: 3\ntimeZone: Africa/Nairobi\ndays:\n" + days;
}
