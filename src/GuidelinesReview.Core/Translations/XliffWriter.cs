using System.Text;
using System.Xml;

namespace GuidelinesReview.Core.Translations;

/// <summary>
/// Writes a draft version in one target language as XLIFF 2.0 or 1.2, one unit per block, for a
/// translator's CAT tool. Texts are written as plain escaped text (Markdown stays Markdown, no
/// inline XLIFF markup) with <c>xml:space="preserve"</c> on every source and target, so newlines
/// and leading or trailing spaces survive. The source hash goes in our own namespaced attribute
/// <c>gr:sourceHash</c> on the unit (or trans-unit), which both versions allow.
/// </summary>
/// <remarks>
/// Texts that XML cannot carry are repaired rather than refused: a lone surrogate (half of a
/// character, e.g. from text cut in the middle of an emoji) and the control characters XML 1.0
/// forbids are each written as U+FFFD (the replacement character). A carriage return is written
/// as <c>&amp;#xD;</c> so that it is not turned into a newline when the file is read.
/// </remarks>
public static class XliffWriter
{
    private const string XmlPrefix = "xml";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    public static string Write(XliffDocument doc, XliffVersion version)
    {
        using var buffer = new MemoryStream();
        Write(doc, version, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <exception cref="ArgumentException">A language is missing, or a unit id is not an XML name token or is used twice.</exception>
    public static void Write(XliffDocument doc, XliffVersion version, Stream output)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(output);
        Check(doc);
        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartDocument();
        switch (version)
        {
            case XliffVersion.V20:
                Write20(doc, xml);
                break;
            case XliffVersion.V12:
                Write12(doc, xml);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(version), version, "Not an XLIFF version.");
        }

        xml.WriteEndDocument();
    }

    private static void Write20(XliffDocument doc, XmlWriter xml)
    {
        xml.WriteStartElement("xliff", XliffNames.V20.NamespaceName);
        xml.WriteAttributeString("xmlns", XliffNames.V20.NamespaceName);
        xml.WriteAttributeString("xmlns", "gr", null, XliffNames.Gr.NamespaceName);
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("srcLang", Clean(doc.SourceLanguage));
        xml.WriteAttributeString("trgLang", Clean(doc.TargetLanguage));
        xml.WriteStartElement("file");
        xml.WriteAttributeString("id", "f1");
        xml.WriteAttributeString("original", Clean(doc.Original));
        foreach (var unit in doc.Units)
        {
            xml.WriteStartElement("unit");
            xml.WriteAttributeString("id", unit.Id);
            WriteSourceHash(unit, xml);
            if (unit.Notes.Count > 0)
            {
                xml.WriteStartElement("notes");
                foreach (var note in unit.Notes)
                {
                    xml.WriteElementString("note", Clean(note));
                }

                xml.WriteEndElement();
            }

            xml.WriteStartElement("segment");
            xml.WriteAttributeString("state", XliffNames.To20(unit.State));
            WriteText("source", unit.Source, state: null, xml);
            if (unit.Target is not null)
            {
                WriteText("target", unit.Target, state: null, xml);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Write12(XliffDocument doc, XmlWriter xml)
    {
        xml.WriteStartElement("xliff", XliffNames.V12.NamespaceName);
        xml.WriteAttributeString("xmlns", XliffNames.V12.NamespaceName);
        xml.WriteAttributeString("xmlns", "gr", null, XliffNames.Gr.NamespaceName);
        xml.WriteAttributeString("version", "1.2");
        xml.WriteStartElement("file");
        xml.WriteAttributeString("original", Clean(doc.Original));
        xml.WriteAttributeString("source-language", Clean(doc.SourceLanguage));
        xml.WriteAttributeString("target-language", Clean(doc.TargetLanguage));
        xml.WriteAttributeString("datatype", "x-markdown");
        xml.WriteStartElement("body");
        foreach (var unit in doc.Units)
        {
            xml.WriteStartElement("trans-unit");
            xml.WriteAttributeString("id", unit.Id);
            WriteSourceHash(unit, xml);
            WriteText("source", unit.Source, state: null, xml);
            if (unit.Target is not null)
            {
                WriteText("target", unit.Target, XliffNames.To12(unit.State), xml);
            }

            foreach (var note in unit.Notes)
            {
                xml.WriteElementString("note", Clean(note));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteSourceHash(XliffUnit unit, XmlWriter xml)
    {
        if (unit.SourceHash.Length > 0)
        {
            xml.WriteAttributeString("gr", XliffNames.SourceHash.LocalName, XliffNames.Gr.NamespaceName, Clean(unit.SourceHash));
        }
    }

    private static void WriteText(string element, string text, string? state, XmlWriter xml)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString(XmlPrefix, "space", null, "preserve");
        if (state is not null)
        {
            xml.WriteAttributeString("state", state);
        }

        xml.WriteString(Clean(text));
        xml.WriteEndElement();
    }

    private static void Check(XliffDocument doc)
    {
        if (string.IsNullOrWhiteSpace(doc.SourceLanguage) || string.IsNullOrWhiteSpace(doc.TargetLanguage))
        {
            throw new ArgumentException("An XLIFF file needs both a source and a target language.", nameof(doc));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in doc.Units)
        {
            try
            {
                XmlConvert.VerifyNMTOKEN(unit.Id);
            }
            catch (XmlException)
            {
                throw new ArgumentException($"The unit id '{unit.Id}' is not an XML name token (letters, digits, '.', '-', '_' and ':'), so it cannot be an XLIFF unit id.", nameof(doc));
            }

            if (!ids.Add(unit.Id))
            {
                throw new ArgumentException($"The unit id '{unit.Id}' is used twice; each block may appear once in an XLIFF file.", nameof(doc));
            }
        }
    }

    /// <summary>The text with each lone surrogate and each character XML 1.0 forbids replaced by U+FFFD.</summary>
    internal static string Clean(string text)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                cleaned?.Append(c);
            }
            else
            {
                cleaned ??= new StringBuilder(text.Length).Append(text, 0, i);
                cleaned.Append('\uFFFD');
            }
        }

        return cleaned?.ToString() ?? text;
    }
}
