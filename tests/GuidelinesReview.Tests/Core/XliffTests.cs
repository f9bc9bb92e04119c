using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using GuidelinesReview.Core.Translations;
using GuidelinesReview.Fixtures;

namespace GuidelinesReview.Tests.Core;

/// <summary>
/// XLIFF export and import for translators: what we write reads back unchanged, an independent
/// reader (the npm package <c>xliff</c>) sees the same texts, broken files are reported unit by
/// unit with their lines, and hostile XML (entities, DTDs, huge files) is refused.
/// </summary>
public sealed class XliffTests
{
    /// <summary>Texts that escaping, whitespace handling or the version mapping could spoil.</summary>
    private static readonly XliffDocument Tricky = new("en", "ar", "people-centred-smart-cities/v/3",
    [
        new("s-foreword", "Cities & towns <b>grow</b> fast", "Villes & bourgs <b>grandissent</b>", XliffState.Translated, "a1b2c3", ["Keep <b> as it is.", "Second note & more"]),
        new("s2.3-p4", "*Emphasis*, [a link](http://a?b=1&c=2) and `code <x>`", null, XliffState.Initial, "d4e5f6", []),
        new("s2-t1-r1c2", "line one\nline two\n\nline four", "ligne un\nligne deux\n\nligne quatre", XliffState.Reviewed, "0718aa", []),
        new("s3-p1", "  leading and trailing spaces  ", "\tun tab, puis des espaces  ", XliffState.Final, "99bbcc", []),
        new("s3-p2", "People-centred cities", "المدن التي تركز على الناس", XliffState.Translated, "ddeeff", ["ملاحظة للمترجم"]),
        new("s-préface", "Quotes \" and ' and > and ]]> and a Windows\r\nline end", "", XliffState.Initial, "", []),
    ]);

    private static readonly IReadOnlyList<string> NoNotes = [];

    public static TheoryData<XliffVersion> Versions() => new(XliffVersion.V20, XliffVersion.V12);

    // ---- Round trip ----

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_written_file_reads_back_to_the_same_units(XliffVersion version)
    {
        var result = XliffReader.Read(XliffWriter.Write(Tricky, version));

        AssertSame(Tricky, result);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void The_stream_overloads_write_utf8_without_a_byte_order_mark_and_read_it_back(XliffVersion version)
    {
        using var file = new MemoryStream();
        XliffWriter.Write(Tricky, version, file);

        Assert.Equal((byte)'<', file.ToArray()[0]);
        file.Position = 0;
        AssertSame(Tricky, XliffReader.Read(file));
    }

    [Theory]
    [InlineData(XliffVersion.V20, XliffState.Initial, "initial")]
    [InlineData(XliffVersion.V20, XliffState.Translated, "translated")]
    [InlineData(XliffVersion.V20, XliffState.Reviewed, "reviewed")]
    [InlineData(XliffVersion.V20, XliffState.Final, "final")]
    [InlineData(XliffVersion.V12, XliffState.Initial, "new")]
    [InlineData(XliffVersion.V12, XliffState.Translated, "translated")]
    [InlineData(XliffVersion.V12, XliffState.Reviewed, "signed-off")]
    [InlineData(XliffVersion.V12, XliffState.Final, "final")]
    public void Each_state_is_written_with_its_xliff_name(XliffVersion version, XliffState state, string written)
    {
        var doc = new XliffDocument("en", "fr", "g/v/1", [new("s1-p1", "Text", "Texte", state, "h", [])]);

        var xml = XDocument.Parse(XliffWriter.Write(doc, version));

        var holder = version == XliffVersion.V20 ? "segment" : "target";
        Assert.Equal(written, (string?)xml.Descendants().Single(e => e.Name.LocalName == holder).Attribute("state"));
    }

    [Fact]
    public void The_written_files_have_the_documented_shape()
    {
        var v20 = XDocument.Parse(XliffWriter.Write(Tricky, XliffVersion.V20));
        XNamespace x2 = "urn:oasis:names:tc:xliff:document:2.0";
        XNamespace gr = "urn:guidelinesreview:xliff";
        Assert.Equal(x2 + "xliff", v20.Root!.Name);
        Assert.Equal(["2.0", "en", "ar"], new[] { "version", "srcLang", "trgLang" }.Select(a => (string?)v20.Root.Attribute(a)));
        var unit = v20.Root.Element(x2 + "file")!.Element(x2 + "unit")!;
        Assert.Equal("a1b2c3", (string?)unit.Attribute(gr + "sourceHash"));
        Assert.Equal(["notes", "segment"], unit.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("preserve", (string?)unit.Descendants(x2 + "target").Single().Attribute(XNamespace.Xml + "space"));

        var v12 = XDocument.Parse(XliffWriter.Write(Tricky, XliffVersion.V12));
        XNamespace x1 = "urn:oasis:names:tc:xliff:document:1.2";
        var file = v12.Root!.Element(x1 + "file")!;
        Assert.Equal("1.2", (string?)v12.Root.Attribute("version"));
        Assert.Equal(["people-centred-smart-cities/v/3", "en", "ar", "x-markdown"], new[] { "original", "source-language", "target-language", "datatype" }.Select(a => (string?)file.Attribute(a)));
        var transUnit = file.Element(x1 + "body")!.Element(x1 + "trans-unit")!;
        Assert.Equal("a1b2c3", (string?)transUnit.Attribute(gr + "sourceHash"));
        Assert.Equal(["source", "target", "note", "note"], transUnit.Elements().Select(e => e.Name.LocalName));
        Assert.All(transUnit.Elements().Take(2), e => Assert.Equal("preserve", (string?)e.Attribute(XNamespace.Xml + "space")));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Lone_surrogates_and_forbidden_control_characters_are_written_as_replacement_characters(XliffVersion version)
    {
        var doc = new XliffDocument("en", "fr", "g/v/1",
        [
            new("s1-p1", "half \uD83D of an emoji, a whole \uD83D\uDE00 one", "low \uDE00 alone, bell \u0007 and nul \0", XliffState.Translated, "h", ["note \uDBFF"]),
        ]);

        var result = XliffReader.Read(XliffWriter.Write(doc, version));

        Assert.True(result.Ok, Messages(result));
        var unit = Assert.Single(result.Document!.Units);
        Assert.Equal("half \uFFFD of an emoji, a whole \uD83D\uDE00 one", unit.Source);
        Assert.Equal("low \uFFFD alone, bell \uFFFD and nul \uFFFD", unit.Target);
        Assert.Equal(["note \uFFFD"], unit.Notes);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("a<b")]
    public void A_unit_id_that_is_not_an_xml_name_token_is_refused_by_the_writer(string id)
    {
        var doc = new XliffDocument("en", "fr", "g/v/1", [new(id, "Text", null, XliffState.Initial, "h", [])]);

        var e = Assert.Throws<ArgumentException>(() => XliffWriter.Write(doc, XliffVersion.V20));
        Assert.Contains("is not an XML name token", e.Message, StringComparison.Ordinal);
    }

    // ---- An independent reader ----

    /// <summary>
    /// The npm package <c>xliff</c> (a devDependency of the web project, restored by its npm ci)
    /// reads each export. Its reader drops a text's last line when that line is blank (it expects
    /// pretty-printed files); block texts never end with a newline, so the tricky texts do not either.
    /// </summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void The_npm_xliff_package_reads_each_export_to_the_same_units_and_texts(XliffVersion version)
    {
        var path = Path.Combine(Path.GetTempPath(), $"guidelinesreview-{Guid.NewGuid():N}.xlf");
        try
        {
            using (var file = File.Create(path))
            {
                XliffWriter.Write(Tricky, version, file);
            }

            using var seen = JsonDocument.Parse(ReadWithNpmXliff(path));
            var root = seen.RootElement;
            Assert.Equal(version == XliffVersion.V20 ? "2.0" : "1.2", root.GetProperty("version").GetString());
            Assert.Equal("en", root.GetProperty("sourceLanguage").GetString());
            Assert.Equal("ar", root.GetProperty("targetLanguage").GetString());
            Assert.Equal(1, root.GetProperty("files").GetInt32());
            var resources = root.GetProperty("resources");
            Assert.Equal(Tricky.Units.Select(u => u.Id), resources.EnumerateObject().Select(p => p.Name));
            foreach (var unit in Tricky.Units)
            {
                var read = resources.GetProperty(unit.Id);
                Assert.Equal(unit.Source, read.GetProperty("source").GetString());
                Assert.Equal(unit.Target, read.TryGetProperty("target", out var target) ? target.GetString() : null);
                Assert.Equal(unit.Notes, read.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string ReadWithNpmXliff(string path)
    {
        var nodeModules = Path.Combine(RepoPaths.Root, "src", "GuidelinesReview.Web", "node_modules");
        Assert.True(Directory.Exists(Path.Combine(nodeModules, "xliff")), $"The npm package 'xliff' is not in {nodeModules}; run 'npm ci' in src/GuidelinesReview.Web (the build does).");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "GuidelinesReview.Tests", "Xliff", "read-xliff.mjs"));
        start.ArgumentList.Add(path);
        start.Environment["NODE_PATH"] = nodeModules;
        using var node = Process.Start(start)!;
        var stderr = node.StandardError.ReadToEndAsync();
        var stdout = node.StandardOutput.ReadToEnd();
        Assert.True(node.WaitForExit(TimeSpan.FromSeconds(60)), "read-xliff.mjs did not finish within a minute.");
        Assert.True(node.ExitCode == 0, $"read-xliff.mjs failed with exit code {node.ExitCode}: {stderr.Result}");
        return stdout;
    }

    // ---- Reading what CAT tools write ----

    [Theory]
    [InlineData("new", "Texte", XliffState.Initial)]
    [InlineData("needs-translation", "Texte", XliffState.Initial)]
    [InlineData("needs-adaptation", "Texte", XliffState.Initial)]
    [InlineData("needs-l10n", "Texte", XliffState.Initial)]
    [InlineData("translated", "Texte", XliffState.Translated)]
    [InlineData("needs-review-translation", "Texte", XliffState.Translated)]
    [InlineData("needs-review-adaptation", "Texte", XliffState.Translated)]
    [InlineData("needs-review-l10n", "Texte", XliffState.Translated)]
    [InlineData("signed-off", "Texte", XliffState.Reviewed)]
    [InlineData("final", "Texte", XliffState.Final)]
    [InlineData(null, "Texte", XliffState.Translated)]
    [InlineData(null, "", XliffState.Initial)]
    public void Xliff_12_target_states_are_read_as_documented(string? state, string target, XliffState expected)
    {
        var attribute = state is null ? "" : $" state=\"{state}\"";
        var result = XliffReader.Read(V12($"""<trans-unit id="s1-p1"><source>Text</source><target{attribute}>{target}</target></trans-unit>"""));

        Assert.True(result.Ok, Messages(result));
        Assert.Equal(expected, Assert.Single(result.Document!.Units).State);
    }

    [Fact]
    public void A_file_without_state_or_source_hash_reads_as_initial_with_an_empty_hash()
    {
        var result = XliffReader.Read(V20("""<unit id="s1-p1"><segment><source>Text</source><target>Texte</target></segment></unit>"""));

        Assert.True(result.Ok, Messages(result));
        var unit = Assert.Single(result.Document!.Units);
        Assert.Equal(new XliffUnit("s1-p1", "Text", "Texte", XliffState.Initial, "", unit.Notes), unit);
        Assert.Empty(unit.Notes);
        Assert.Equal("g/v/1", result.Document.Original);
    }

    [Fact]
    public void Units_inside_groups_and_unknown_metadata_elements_are_read()
    {
        var result = XliffReader.Read(V20("""
            <group id="g1"><unit id="s1-p1"><mda:metadata xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0"/><segment state="final"><source>A</source><target>B</target></segment></unit></group>
            """));

        Assert.True(result.Ok, Messages(result));
        Assert.Equal(XliffState.Final, Assert.Single(result.Document!.Units).State);
    }

    // ---- Broken files ----

    [Fact]
    public void A_truncated_file_is_reported_with_the_line_where_it_ends()
    {
        var full = XliffWriter.Write(Tricky, XliffVersion.V20);
        var cut = full[..full.IndexOf("ligne deux", StringComparison.Ordinal)];

        var result = XliffReader.Read(cut);

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(cut.Count(c => c == '\n') + 1, problem.Line);
        Assert.StartsWith($"Line {problem.Line}, position ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("the file is not well-formed XML", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body/></html>", "its root element is <html>, not <xliff>.")]
    [InlineData("<xliff version=\"2.0\" srcLang=\"en\" trgLang=\"fr\"/>", "its <xliff> element has no namespace")]
    [InlineData("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\" trgLang=\"fr\"/>", "in the XLIFF 2.0 namespace but says version '2.1'.")]
    [InlineData("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"/>", "in the XLIFF 1.2 namespace but has no version attribute.")]
    public void A_file_that_is_not_xliff_20_or_12_is_refused(string xml, string reason)
    {
        var result = XliffReader.Read(xml);

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(1, problem.Line);
        Assert.StartsWith("This is not an XLIFF 2.0 or 1.2 file: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_state_is_reported_with_line_and_unit()
    {
        AssertOneProblem(
            XliffReader.Read(V20("""<unit id="s2-p3"><segment state="done"><source>A</source><target>B</target></segment></unit>""")),
            4, "s2-p3", "the <segment> has an unknown state 'done'; XLIFF 2.0 states are initial, translated, reviewed and final.");
        AssertOneProblem(
            XliffReader.Read(V12("""<trans-unit id="s2-p3"><source>A</source><target state="x-done">B</target></trans-unit>""")),
            5, "s2-p3", "the <target> has an unknown state 'x-done'");
    }

    [Fact]
    public void A_duplicate_id_is_reported_with_both_lines()
    {
        AssertOneProblem(
            XliffReader.Read(V20("""
                <unit id="s2-p3"><segment><source>A</source></segment></unit>
                <unit id="s2-p3"><segment><source>B</source></segment></unit>
                """)),
            5, "s2-p3", "the id is used twice (first on line 4); each block may appear once.");
    }

    [Fact]
    public void A_missing_source_is_reported_with_line_and_unit()
    {
        AssertOneProblem(XliffReader.Read(V20("""<unit id="s2-p3"><segment><target>B</target></segment></unit>""")), 4, "s2-p3", "the unit has no <source>.");
        AssertOneProblem(XliffReader.Read(V12("""<trans-unit id="s2-p3"><target>B</target></trans-unit>""")), 5, "s2-p3", "the unit has no <source>.");
    }

    [Fact]
    public void A_missing_id_is_reported_with_its_line()
    {
        var result = XliffReader.Read(V20("""
            <unit id="s1-p1"><segment><source>A</source></segment></unit>
            <unit><segment><source>B</source></segment></unit>
            """));

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(((int?)5, (string?)null), (problem.Line, problem.UnitId));
        Assert.Equal("Line 5: a <unit> has no id; every unit needs the anchor of its block as id, e.g. 's2.3-p4'.", problem.Message);
    }

    [Fact]
    public void A_unit_split_into_segments_is_reported()
    {
        AssertOneProblem(
            XliffReader.Read(V20("""<unit id="s2-p3"><segment><source>A.</source></segment><segment><source>B.</source></segment></unit>""")),
            4, "s2-p3", "the unit has 2 segments; keep one segment per unit");
    }

    [Theory]
    [InlineData("""<unit id="s2-p3"><segment><source>A</source><target>B <pc id="1">bold</pc></target></segment></unit>""", "the <target> contains markup (<pc>)")]
    [InlineData("""<unit id="s2-p3"><segment><source>A <ph id="1"/></source></segment></unit>""", "the <source> contains markup (<ph>)")]
    public void Inline_markup_in_a_text_is_reported(string unit, string message)
    {
        AssertOneProblem(XliffReader.Read(V20(unit)), 4, "s2-p3", message);
    }

    [Fact]
    public void Missing_languages_are_reported()
    {
        var v20 = XliffReader.Read("""<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"><file id="f1"/></xliff>""");
        Assert.Null(v20.Document);
        Assert.Equal(
            ["Line 1: the <xliff> element has no srcLang (the language of the draft, e.g. 'en').", "Line 1: the <xliff> element has no trgLang (the language of the translation, e.g. 'fr')."],
            v20.Problems.Select(p => p.Message));

        var v12 = XliffReader.Read("""<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x" source-language="en" datatype="plaintext"><body/></file></xliff>""");
        Assert.Null(v12.Document);
        Assert.Equal(["Line 1: the <file> element has no target-language (the language of the translation, e.g. 'fr')."], v12.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Every_broken_unit_is_reported_and_nothing_is_returned()
    {
        var result = XliffReader.Read(V20("""
            <unit id="s1-p1"><segment><source>Fine</source></segment></unit>
            <unit id="s1-p2"><segment state="done"><source>A</source></segment></unit>
            <unit><segment><source>B</source></segment></unit>
            <unit id="s1-p1"><segment><source>C</source></segment></unit>
            <unit id="s1-p4"><segment><target>D</target></segment></unit>
            """));

        Assert.Null(result.Document);
        Assert.False(result.Ok);
        Assert.Equal(new (int?, string?)[] { (5, "s1-p2"), (6, null), (7, "s1-p1"), (8, "s1-p4") }, result.Problems.Select(p => (p.Line, p.UnitId)));
    }

    // ---- Hostile files ----

    public static TheoryData<string> Doctypes() => new(
        """<!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>""",
        """<!DOCTYPE xliff SYSTEM "file:///etc/passwd">""",
        """<!DOCTYPE xliff [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>""");

    [Theory]
    [MemberData(nameof(Doctypes))]
    public void An_external_entity_is_refused_and_the_file_it_names_is_never_read(string doctype)
    {
        foreach (var xml in new[]
        {
            WithDoctype(doctype, V20("""<unit id="s1-p1"><segment><source>A</source><target>&e;</target></segment></unit>""")),
            WithDoctype(doctype, V12("""<trans-unit id="s1-p1"><source>A</source><target>&e;</target></trans-unit>""")),
        })
        {
            var result = XliffReader.Read(xml);

            AssertRefusedAsDtd(result);
            if (File.Exists("/etc/passwd"))
            {
                var firstLine = File.ReadLines("/etc/passwd").First();
                Assert.DoesNotContain(result.Problems, p => p.Message.Contains(firstLine, StringComparison.Ordinal) || p.Message.Contains("root:", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Billion_laughs_is_refused_at_once()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        var xml = WithDoctype($"<!DOCTYPE xliff [{entities}]>", V20("""<unit id="s1-p1"><segment><source>A</source><target>&lol9;</target></segment></unit>"""));

        // The timeout (a TimeoutException) only keeps a broken reader from hanging the run; refusing takes microseconds.
        var result = await Task.Run(() => XliffReader.Read(xml)).WaitAsync(TimeSpan.FromSeconds(30));
        AssertRefusedAsDtd(result);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_with_a_message_naming_the_limit()
    {
        var result = XliffReader.Read(new LengthOnlyStream(XliffReader.MaxBytes + 1));

        Assert.Null(result.Document);
        Assert.Equal("The file is larger than 20 MB (20,971,520 bytes), the most an XLIFF file may be; nothing was read from it.", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void The_limit_is_counted_while_reading_a_stream_that_does_not_tell_its_length()
    {
        var result = XliffReader.Read(new EndlessStream(), maxBytes: 100_000);

        Assert.Null(result.Document);
        Assert.Equal("The file is larger than 100,000 bytes, the most an XLIFF file may be; nothing was read from it.", Assert.Single(result.Problems).Message);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(XliffVersion version)
    {
        var bytes = Encoding.UTF8.GetBytes(XliffWriter.Write(Tricky, version));

        Assert.True(XliffReader.Read(new MemoryStream(bytes), bytes.Length).Ok);
        Assert.True(XliffReader.Read(new UnseekableStream(bytes), bytes.Length).Ok);
        Assert.True(XliffReader.Read(Encoding.UTF8.GetString(bytes), bytes.Length).Ok);
        Assert.Contains("larger than", Assert.Single(XliffReader.Read(new MemoryStream(bytes), bytes.Length - 1).Problems).Message, StringComparison.Ordinal);
        Assert.Contains("larger than", Assert.Single(XliffReader.Read(new UnseekableStream(bytes), bytes.Length - 1).Problems).Message, StringComparison.Ordinal);
        Assert.Contains("larger than", Assert.Single(XliffReader.Read(Encoding.UTF8.GetString(bytes), bytes.Length - 1).Problems).Message, StringComparison.Ordinal);
    }

    // ---- Large files ----

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_five_megabyte_file_with_ten_thousand_units_reads_back(XliffVersion version)
    {
        // Every third unit is untranslated, and so Initial (XLIFF 1.2 keeps a state only on a target).
        var units = Enumerable.Range(0, 10_000).Select(i => new XliffUnit(
            $"s{(i / 100) + 1}-p{(i % 100) + 1}",
            $"Block {i}: " + string.Concat(Enumerable.Repeat("Cities & *people* <first> ", 11)),
            i % 3 == 0 ? null : $"Bloc {i} : " + string.Concat(Enumerable.Repeat("Villes & [gens](http://x?a=1&b=2) ", 6)),
            i % 3 == 0 ? XliffState.Initial : (XliffState)(i % 4),
            $"{i:x8}",
            i % 10 == 0 ? [$"Note {i}"] : NoNotes)).ToList();
        var doc = new XliffDocument("en", "fr", "big/v/1", units);
        using var file = new MemoryStream();
        XliffWriter.Write(doc, version, file);
        Assert.InRange(file.Length, 4_500_000, XliffReader.MaxBytes);

        file.Position = 0;
        var result = XliffReader.Read(file);

        Assert.True(result.Ok, Messages(result));
        Assert.Equal(10_000, result.Document!.Units.Count);
        AssertSameUnit(units[5_000], result.Document.Units[5_000]);
        AssertSameUnit(units[9_999], result.Document.Units[9_999]);
        Assert.Equal(units.Select(u => u.Id), result.Document.Units.Select(u => u.Id));
    }

    // ---- Helpers ----

    /// <summary>An XLIFF 2.0 file whose first unit is on line 4.</summary>
    private static string V20(string units) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\">\n"
        + "<file id=\"f1\" original=\"g/v/1\">\n"
        + units + "\n"
        + "</file>\n"
        + "</xliff>\n";

    /// <summary>An XLIFF 1.2 file whose first trans-unit is on line 5.</summary>
    private static string V12(string units) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n"
        + "<file original=\"g/v/1\" source-language=\"en\" target-language=\"fr\" datatype=\"x-markdown\">\n"
        + "<body>\n"
        + units + "\n"
        + "</body>\n"
        + "</file>\n"
        + "</xliff>\n";

    /// <summary>The file with the DOCTYPE on line 2, after the XML declaration.</summary>
    private static string WithDoctype(string doctype, string xml)
    {
        var declarationEnd = xml.IndexOf('\n', StringComparison.Ordinal) + 1;
        return xml[..declarationEnd] + doctype + "\n" + xml[declarationEnd..];
    }

    private static void AssertRefusedAsDtd(XliffReadResult result)
    {
        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal("Line 2: the file declares a DTD (<!DOCTYPE>); XLIFF files must not, so entity definitions such as external entities are refused.", problem.Message);
    }

    private static void AssertOneProblem(XliffReadResult result, int line, string unitId, string message)
    {
        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(((int?)line, (string?)unitId), (problem.Line, problem.UnitId));
        Assert.StartsWith($"Line {line}, unit '{unitId}': {message}", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", problem.Message, StringComparison.Ordinal);
    }

    private static void AssertSame(XliffDocument expected, XliffReadResult result)
    {
        Assert.True(result.Ok, Messages(result));
        var actual = result.Document!;
        Assert.Equal((expected.SourceLanguage, expected.TargetLanguage, expected.Original), (actual.SourceLanguage, actual.TargetLanguage, actual.Original));
        Assert.Equal(expected.Units.Count, actual.Units.Count);
        foreach (var (e, a) in expected.Units.Zip(actual.Units))
        {
            AssertSameUnit(e, a);
        }
    }

    private static void AssertSameUnit(XliffUnit expected, XliffUnit actual)
    {
        Assert.Equal(expected with { Notes = NoNotes }, actual with { Notes = NoNotes });
        Assert.Equal(expected.Notes, actual.Notes);
    }

    private static string Messages(XliffReadResult result) => string.Join("\n", result.Problems.Select(p => p.Message));

    /// <summary>Says it is huge; the reader must refuse it from its length without reading.</summary>
    private sealed class LengthOnlyStream(long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The reader read a file it should have refused from its length.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>
    /// An XLIFF start followed by empty units, as an upload that never ends would be. It does end
    /// after 10 MB, so that a reader that does not count fails the test instead of hanging it.
    /// </summary>
    private sealed class EndlessStream : Stream
    {
        private const long GivesUpAt = 10 * 1024 * 1024;
        private static readonly byte[] Start = Encoding.UTF8.GetBytes("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\"><file id=\"f1\">");
        private static readonly byte[] Unit = Encoding.UTF8.GetBytes("<unit id=\"u\"/>");
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            count = (int)Math.Min(count, GivesUpAt - position);
            for (var i = 0; i < count; i++, position++)
            {
                buffer[offset + i] = position < Start.Length ? Start[position] : Unit[(position - Start.Length) % Unit.Length];
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A memory stream that hides its length, so the reader has to count.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
