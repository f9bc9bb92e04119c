using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace GuidelinesReview.Core.Translations;

/// <summary>
/// Reads an XLIFF 2.0 or 1.2 file that a translator brings back, telling the version from the
/// root element's namespace and version. Files come from outside, so the reader refuses any DTD
/// (and with it entity definitions: external entities, entity expansion bombs), resolves nothing,
/// and reads at most <see cref="MaxBytes"/>. Every problem is collected with its line and unit
/// rather than stopping at the first; the document is returned only when there is none.
/// </summary>
/// <remarks>
/// Each unit must have an id (used once), exactly one segment with a <c>&lt;source&gt;</c>, a
/// known state (see <see cref="XliffState"/>), and plain text in its source and target: inline
/// XLIFF markup (<c>&lt;pc&gt;</c>, <c>&lt;g&gt;</c>, <c>&lt;mrk&gt;</c>, ...) is reported, since the
/// texts are Markdown. Elements the reader does not use (a CAT tool's own metadata) are ignored,
/// and units inside groups are read like any other. Whitespace is kept as it is in the file.
/// </remarks>
public static partial class XliffReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static XliffReadResult Read(Stream input) => Read(input, MaxBytes);

    public static XliffReadResult Read(string xml) => Read(xml, MaxBytes);

    /// <summary>Reads at most <paramref name="maxBytes"/> from the stream (tests use a small limit).</summary>
    internal static XliffReadResult Read(Stream input, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.CanSeek && input.Length - input.Position > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        try
        {
            return Parse(XmlReader.Create(new LimitedStream(input, maxBytes), Settings(maxBytes)));
        }
        catch (FileTooLargeException)
        {
            return TooLarge(maxBytes);
        }
    }

    internal static XliffReadResult Read(string xml, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Encoding.UTF8.GetByteCount(xml) > maxBytes
            ? TooLarge(maxBytes)
            : Parse(XmlReader.Create(new StringReader(xml), Settings(maxBytes)));
    }

    private static XmlReaderSettings Settings(long maxBytes) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        // A character takes at least one byte, so this only backs up the byte limit.
        MaxCharactersInDocument = maxBytes,
    };

    private static XliffReadResult Parse(XmlReader reader)
    {
        XDocument xml;
        var prologLine = 1;
        try
        {
            using (reader)
            {
                // The prolog is read node by node to know where it has got to: XmlReader refuses a
                // DOCTYPE with an exception that carries no line.
                while (reader.Read() && reader.NodeType != XmlNodeType.Element)
                {
                    prologLine = ((IXmlLineInfo)reader).LineNumber + reader.Value.AsSpan().Count('\n');
                }

                xml = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
            }
        }
        catch (XmlException e)
        {
            var line = e.LineNumber > 0 ? e.LineNumber : prologLine;
            return Failed(new XliffProblem(line, null, Describe(e, line)));
        }

        var root = xml.Root!;
        var version = (string?)root.Attribute("version");
        if (root.Name == XliffNames.V20 + "xliff" && version == "2.0")
        {
            return new UnitCollector(XliffNames.V20).Read20(root);
        }

        if (root.Name == XliffNames.V12 + "xliff" && version == "1.2")
        {
            return new UnitCollector(XliffNames.V12).Read12(root);
        }

        return Failed(new XliffProblem(LineOf(root), null, "This is not an XLIFF 2.0 or 1.2 file: " + WhatRootIs(root, version)));
    }

    private static string WhatRootIs(XElement root, string? version)
    {
        var ns = root.Name.NamespaceName;
        if (root.Name.LocalName != "xliff")
        {
            return ns.Length == 0
                ? $"its root element is <{root.Name.LocalName}>, not <xliff>."
                : $"its root element is <{root.Name.LocalName}> in namespace '{ns}', not <xliff>.";
        }

        if (root.Name.Namespace != XliffNames.V20 && root.Name.Namespace != XliffNames.V12)
        {
            return ns.Length == 0
                ? $"its <xliff> element has no namespace; it should be '{XliffNames.V20.NamespaceName}' or '{XliffNames.V12.NamespaceName}'."
                : $"its <xliff> element is in namespace '{ns}'; it should be '{XliffNames.V20.NamespaceName}' or '{XliffNames.V12.NamespaceName}'.";
        }

        var expected = root.Name.Namespace == XliffNames.V20 ? "2.0" : "1.2";
        return version is null
            ? $"its <xliff> element is in the XLIFF {expected} namespace but has no version attribute."
            : $"its <xliff> element is in the XLIFF {expected} namespace but says version '{version}'.";
    }

    private static string Describe(XmlException e, int line)
    {
        // XmlReader says "DTD" only when it meets a <!DOCTYPE>: prohibited, or out of place.
        if (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return $"Line {line}: the file declares a DTD (<!DOCTYPE>); XLIFF files must not, so entity definitions such as external entities are refused.";
        }

        var reason = TrailingPosition().Replace(e.Message, "").TrimEnd('.');
        return $"Line {line}, position {e.LinePosition}: the file is not well-formed XML, so nothing was read from it ({reason}).";
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPosition();

    private static XliffReadResult TooLarge(long maxBytes)
    {
        var size = maxBytes % (1024 * 1024) == 0
            ? $"{maxBytes / (1024 * 1024)} MB ({maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)"
            : $"{maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes";
        return Failed(new XliffProblem(null, null, $"The file is larger than {size}, the most an XLIFF file may be; nothing was read from it."));
    }

    private static XliffReadResult Failed(XliffProblem problem) => new(null, [problem]);

    private static int? LineOf(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>Collects the units of one file and every problem found in them.</summary>
    private sealed class UnitCollector(XNamespace ns)
    {
        private readonly List<XliffProblem> problems = [];
        private readonly List<XliffUnit> units = [];
        private readonly Dictionary<string, int?> firstLines = new(StringComparer.Ordinal);

        public XliffReadResult Read20(XElement root)
        {
            var sourceLanguage = Required(root, "srcLang", "the <xliff> element", "the language of the draft, e.g. 'en'");
            var targetLanguage = Required(root, "trgLang", "the <xliff> element", "the language of the translation, e.g. 'fr'");
            var file = OnlyFile(root);
            if (file is not null)
            {
                foreach (var unit in file.Descendants(ns + "unit"))
                {
                    ReadUnit20(unit);
                }
            }

            return Result(sourceLanguage, targetLanguage, file);
        }

        public XliffReadResult Read12(XElement root)
        {
            var file = OnlyFile(root);
            if (file is null)
            {
                return Result(null, null, null);
            }

            var sourceLanguage = Required(file, "source-language", "the <file> element", "the language of the draft, e.g. 'en'");
            var targetLanguage = Required(file, "target-language", "the <file> element", "the language of the translation, e.g. 'fr'");
            foreach (var unit in file.Descendants(ns + "trans-unit"))
            {
                ReadUnit12(unit);
            }

            return Result(sourceLanguage, targetLanguage, file);
        }

        private void ReadUnit20(XElement unit)
        {
            var id = Id(unit);
            var segments = unit.Elements(ns + "segment").ToList();
            if (segments.Count > 1)
            {
                Add(unit, id, $"the unit has {segments.Count} segments; keep one segment per unit (join the segments in your CAT tool).");
                return;
            }

            if (unit.Element(ns + "ignorable") is { } ignorable)
            {
                Add(ignorable, id, "the unit has an <ignorable> part; keep the whole text in one segment.");
                return;
            }

            var segment = segments.FirstOrDefault();
            var source = segment?.Element(ns + "source");
            var target = segment?.Element(ns + "target");
            XliffState? state = XliffState.Initial;
            if ((string?)segment?.Attribute("state") is { } value)
            {
                state = XliffNames.From20(value);
                if (state is null)
                {
                    Add(segment!, id, $"the <segment> has an unknown state '{value}'; XLIFF 2.0 states are initial, translated, reviewed and final.");
                }
            }

            var notes = unit.Elements(ns + "notes").Elements(ns + "note").Select(n => n.Value).ToList();
            AddUnit(unit, id, source, target, state, notes);
        }

        private void ReadUnit12(XElement unit)
        {
            var id = Id(unit);
            var source = unit.Element(ns + "source");
            var target = unit.Element(ns + "target");
            XliffState? state = target is not null && target.Value.Length > 0 ? XliffState.Translated : XliffState.Initial;
            if ((string?)target?.Attribute("state") is { } value)
            {
                state = XliffNames.From12(value);
                if (state is null)
                {
                    Add(target!, id, $"the <target> has an unknown state '{value}'; XLIFF 1.2 states are new, needs-translation, needs-adaptation, needs-l10n, needs-review-translation, needs-review-adaptation, needs-review-l10n, translated, signed-off and final.");
                }
            }

            var notes = unit.Elements(ns + "note").Select(n => n.Value).ToList();
            AddUnit(unit, id, source, target, state, notes);
        }

        private void AddUnit(XElement unit, string? id, XElement? source, XElement? target, XliffState? state, List<string> notes)
        {
            if (source is null)
            {
                Add(unit, id, "the unit has no <source>.");
            }

            var plain = PlainText(source, id) & PlainText(target, id);
            if (id is not null && source is not null && state is not null && plain)
            {
                var hash = (string?)unit.Attribute(XliffNames.SourceHash) ?? "";
                units.Add(new XliffUnit(id, source.Value, target?.Value, state.Value, hash, notes));
            }
        }

        /// <summary>The unit's id, or null (and a problem) when it has none or one already used.</summary>
        private string? Id(XElement unit)
        {
            var id = (string?)unit.Attribute("id");
            if (string.IsNullOrEmpty(id))
            {
                Add(unit, null, $"a <{unit.Name.LocalName}> has no id; every unit needs the anchor of its block as id, e.g. 's2.3-p4'.");
                return null;
            }

            if (firstLines.TryGetValue(id, out var first))
            {
                Add(unit, id, first is null ? "the id is used twice; each block may appear once." : $"the id is used twice (first on line {first}); each block may appear once.");
                return null;
            }

            firstLines.Add(id, LineOf(unit));
            return id;
        }

        private bool PlainText(XElement? text, string? id)
        {
            if (text?.Elements().FirstOrDefault() is not { } markup)
            {
                return true;
            }

            Add(markup, id, $"the <{text.Name.LocalName}> contains markup (<{markup.Name.LocalName}>); write it as plain Markdown text, without inline tags.");
            return false;
        }

        private XElement? OnlyFile(XElement root)
        {
            var files = root.Elements(ns + "file").ToList();
            if (files.Count == 1)
            {
                return files[0];
            }

            Add(root, null, files.Count == 0
                ? "the file has no <file> element, so there are no units to read."
                : $"the file has {files.Count} <file> elements; an XLIFF file for this platform holds one draft version in one <file>.");
            return null;
        }

        private string? Required(XElement element, string attribute, string what, string meaning)
        {
            var value = (string?)element.Attribute(attribute);
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(element, null, $"{what} has no {attribute} ({meaning}).");
                return null;
            }

            return value;
        }

        private XliffReadResult Result(string? sourceLanguage, string? targetLanguage, XElement? file)
        {
            if (problems.Count > 0 || sourceLanguage is null || targetLanguage is null || file is null)
            {
                return new XliffReadResult(null, problems);
            }

            return new XliffReadResult(new XliffDocument(sourceLanguage, targetLanguage, (string?)file.Attribute("original") ?? "", units), problems);
        }

        private void Add(XElement at, string? id, string text)
        {
            var line = LineOf(at);
            var where = line is null ? "" : $"Line {line}";
            if (id is not null)
            {
                where += where.Length == 0 ? $"Unit '{id}'" : $", unit '{id}'";
            }

            problems.Add(new XliffProblem(line, id, where.Length == 0 ? char.ToUpperInvariant(text[0]) + text[1..] : $"{where}: {text}"));
        }
    }

    /// <summary>Passes reads through and throws once more than the limit has come through.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long total;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => total;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            total += read;
            return total > limit ? throw new FileTooLargeException() : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class FileTooLargeException : Exception;
}
