using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Drafts;

namespace GuidelinesReview.Web.Drafts;

public sealed class Guideline
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Language codes, comma-separated ("en,fr").</summary>
    public string Languages { get; set; } = "en";

    public List<GuidelineTerm> Terms { get; set; } = [];
    public List<DraftVersion> Versions { get; set; } = [];
}

/// <summary>A thematic area or principle of a guideline.</summary>
public sealed class GuidelineTerm
{
    public int Id { get; set; }
    public int GuidelineId { get; set; }
    public TaxonomyKind Kind { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public int Ordinal { get; set; }
}

/// <summary>A published, immutable draft of a guideline. Comments attach to a version.</summary>
public sealed class DraftVersion
{
    public int Id { get; set; }
    public int GuidelineId { get; set; }
    public Guideline Guideline { get; set; } = null!;
    public int Number { get; set; }
    public string Label { get; set; } = "";
    public DateTime Date { get; set; }
    public DraftStatus Status { get; set; }
    public string Language { get; set; } = "en";
    public string Summary { get; set; } = "";

    /// <summary>The Markdown body as published; never changed afterwards (a re-import is compared with it).</summary>
    public string Markdown { get; set; } = "";

    public string SourceName { get; set; } = "";
    public DateTime PublishedAt { get; set; }
    public int WordCount { get; set; }

    public List<Section> Sections { get; set; } = [];
    public List<Block> Blocks { get; set; } = [];
}

public sealed class Section
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public string Anchor { get; set; } = "";
    public string? ParentAnchor { get; set; }
    public int Level { get; set; }
    public int Ordinal { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Tags written on this section's heading (its blocks also inherit the parents').</summary>
    public List<SectionTag> Tags { get; set; } = [];
}

public sealed class SectionTag
{
    public int SectionId { get; set; }
    public int TermId { get; set; }
    public GuidelineTerm Term { get; set; } = null!;

    /// <summary>False when the tag comes from an enclosing section.</summary>
    public bool Own { get; set; }
}

public sealed class Block
{
    public int Id { get; set; }
    public int VersionId { get; set; }
    public int Ordinal { get; set; }
    public string Anchor { get; set; } = "";
    public BlockKind Kind { get; set; }
    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;
    public string Text { get; set; } = "";
    public string Html { get; set; } = "";
    public string ContentHash { get; set; } = "";

    /// <summary>The block's Markdown as written; translation segments are cut from it.</summary>
    public string Source { get; set; } = "";
}
