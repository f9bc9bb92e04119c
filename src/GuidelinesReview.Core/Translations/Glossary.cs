using GuidelinesReview.Core.Markdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GuidelinesReview.Core.Translations;

/// <summary>Finds the glossary's terms in a source text.</summary>
public static class Glossary
{
    /// <summary>
    /// Where the terms of <paramref name="entries"/> occur in <paramref name="source"/> (Markdown
    /// inline text), ordered by <see cref="GlossaryHit.Start"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A term matches whole words only (a word is a run of Unicode letters, marks and digits:
    /// "data" is not found in "database"), whatever the case, with any white space between its
    /// words, line breaks included ("digital public\ninfrastructure"). Its last word may take a
    /// simple English plural, "s" or "es" ("open data platforms"); irregular plurals
    /// ("policies") are not recognised.
    /// </para>
    /// <para>
    /// Terms do not overlap: scanning left to right, at each word the longest term starting
    /// there wins ("open data platform" over "open data"), and the scan goes on after it; on a
    /// tie the entry listed first wins.
    /// </para>
    /// <para>
    /// Markdown is read with the platform's parser: terms are not looked for in code spans,
    /// link addresses or autolinks (code and addresses are not translated), and emphasis marks
    /// do not hide a term ("*open* data" is found). Text the parser refuses (too long, nested
    /// too deeply) is searched as plain text.
    /// </para>
    /// <para>
    /// One pass over the words of the source with the terms indexed by their first word, so a
    /// call costs about the length of the source plus the length of the terms, not their product.
    /// </para>
    /// </remarks>
    public static IReadOnlyList<GlossaryHit> Find(string source, IReadOnlyList<GlossaryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0 || source.Length == 0)
        {
            return [];
        }

        MarkdownDocument? document = null;
        var offset = 0;
        try
        {
            (document, offset) = InlineText.Parse(source, TranslationChecks.MaxTextLength);
        }
        catch (MarkdownRejectedException)
        {
            // Searched as plain text below.
        }

        return FindIn(source, document, offset, entries);
    }

    /// <summary><see cref="Find(string, IReadOnlyList{GlossaryEntry})"/> with the source already parsed.</summary>
    internal static IReadOnlyList<GlossaryHit> FindIn(string source, MarkdownDocument? document, int offset, IReadOnlyList<GlossaryEntry> entries)
    {
        var index = new Dictionary<string, List<(Phrase Phrase, GlossaryEntry Entry, int Order)>>(StringComparer.Ordinal);
        for (var order = 0; order < entries.Count; order++)
        {
            var entry = entries[order];
            ArgumentNullException.ThrowIfNull(entry);
            if (Phrase.Of(entry.Term) is not { } phrase)
            {
                continue;
            }

            if (!index.TryGetValue(phrase.Words[0], out var list))
            {
                index[phrase.Words[0]] = list = [];
            }

            list.Add((phrase, entry, order));
        }

        var text = document is null ? source : SearchText(source, document, offset);
        var words = Phrase.WordsOf(text);
        var hits = new List<GlossaryHit>();
        for (var i = 0; i < words.Count; i++)
        {
            (int Start, int End, int Words, GlossaryEntry Entry, int Order)? best = null;
            foreach (var key in KeysFor(words[i].Key))
            {
                if (!index.TryGetValue(key, out var candidates))
                {
                    continue;
                }

                foreach (var (phrase, entry, order) in candidates)
                {
                    if (phrase.MatchAt(text, words, i, Inflection.EnglishPlural) is not { } match)
                    {
                        continue;
                    }

                    var length = match.End - match.Start;
                    var bestLength = best is null ? -1 : best.Value.End - best.Value.Start;
                    if (length > bestLength || (length == bestLength && order < best!.Value.Order))
                    {
                        best = (match.Start, match.End, phrase.Words.Count, entry, order);
                    }
                }
            }

            if (best is { } hit)
            {
                hits.Add(new GlossaryHit(hit.Start, hit.End - hit.Start, hit.Entry));
                i += hit.Words - 1;
            }
        }

        return hits;
    }

    /// <summary>The keys a term may be indexed under for a word of the text: the word itself and, for a plural, its singular.</summary>
    private static IEnumerable<string> KeysFor(string key)
    {
        yield return key;
        if (key.Length > 1 && key.EndsWith('s'))
        {
            yield return key[..^1];
            if (key.Length > 2 && key.EndsWith("es", StringComparison.Ordinal))
            {
                yield return key[..^2];
            }
        }
    }

    /// <summary>
    /// The source with what is not translated (code spans, link and image addresses, autolinks)
    /// blanked out and emphasis delimiters turned into spaces; every other character stays where
    /// it is, so positions are positions in the source.
    /// </summary>
    private static string SearchText(string source, MarkdownDocument document, int offset)
    {
        var chars = source.ToCharArray();
        var masked = new bool[chars.Length];

        void Set(SourceSpan span, bool value)
        {
            for (var i = Math.Max(0, span.Start + offset); i <= span.End + offset && i < masked.Length; i++)
            {
                masked[i] = value;
            }
        }

        // A link is masked whole, then its text (literals, entities, line breaks) unmasked.
        foreach (var link in document.Descendants<LinkInline>())
        {
            Set(link.Span, true);
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            foreach (var inline in link.Descendants<Inline>())
            {
                if (inline is LiteralInline or HtmlEntityInline or LineBreakInline)
                {
                    Set(inline.Span, false);
                }
            }
        }

        foreach (var inline in document.Descendants<Inline>())
        {
            if (inline is CodeInline or AutolinkInline)
            {
                Set(inline.Span, true);
            }
            else if (inline is EmphasisInline emphasis && emphasis.Span.Start >= 0)
            {
                for (var d = 0; d < emphasis.DelimiterCount; d++)
                {
                    Blank(emphasis.Span.Start + offset + d);
                    Blank(emphasis.Span.End + offset - d);
                }
            }
        }

        for (var i = 0; i < chars.Length; i++)
        {
            if (masked[i])
            {
                chars[i] = InlineText.NotProse;
            }
        }

        return new string(chars);

        void Blank(int i)
        {
            if (i >= 0 && i < chars.Length && (chars[i] == '*' || chars[i] == '_'))
            {
                chars[i] = ' ';
            }
        }
    }
}
