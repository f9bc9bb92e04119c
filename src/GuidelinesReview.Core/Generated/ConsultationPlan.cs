using GuidelinesReview.Core.Accounts;
using GuidelinesReview.Core.Comments;
using GuidelinesReview.Core.Content;
using GuidelinesReview.Core.Meetings;

namespace GuidelinesReview.Core.Generated;

/// <summary>A block feedback can be written on, with the term ids of its section (its own tags and those it inherits).</summary>
public sealed record PlanBlock(int Id, string Anchor, string SectionAnchor, IReadOnlyList<int> Terms);

public sealed record PlanTerm(int Id, TaxonomyKind Kind, string Name);

/// <summary>A breakout room that already discusses the version, and its tags.</summary>
public sealed record PlanExistingRoom(int Id, IReadOnlyList<int> Terms);

/// <summary>What a generated consultation is spread over: a version's commentable blocks, its guideline's terms, and the rooms of its meetings.</summary>
public sealed record ConsultationShape(IReadOnlyList<PlanBlock> Blocks, IReadOnlyList<PlanTerm> Terms, IReadOnlyList<PlanExistingRoom> Rooms);

public sealed record ConsultationSize(int Users, int Comments, int Takeaways);

public sealed record PlannedUser(int Number, string Name, string Organisation, StakeholderGroup Group, Region Region);

public enum PlannedState
{
    Active,
    Withdrawn,
    Hidden,
}

/// <summary>A top-level comment; <see cref="Author"/> and reply authors are indexes into <see cref="ConsultationPlan.Users"/>.</summary>
public sealed record PlannedComment(
    int Author,
    PlanBlock Block,
    CommentType Type,
    string Body,
    string? ProposedText,
    DateTime At,
    PlannedState State,
    PlannedDecision? Decision,
    IReadOnlyList<PlannedReply> Replies);

public sealed record PlannedDecision(Decision Decision, string Observation, DateTime At);

public sealed record PlannedReply(int Author, string Body, DateTime At);

/// <summary>
/// A room takeaways go to: an existing one (<see cref="ExistingId"/>), or a new one of the generated
/// meeting, with its people (user indexes: moderator, note-taker, then members) and perhaps notes.
/// </summary>
public sealed record PlannedRoom(int? ExistingId, string Title, string Prompt, IReadOnlyList<int> Terms, IReadOnlyList<string> Sections, IReadOnlyList<int> People, string Notes);

public sealed record PlannedTakeaway(int Room, TakeawayKind Kind, string Text, string? Anchor, IReadOnlyList<int> Terms, DateTime At, bool ForPlenary);

/// <summary>
/// A made-up consultation, the same for the same shape, size, end and seed: people with a spread
/// of stakeholder groups, regions and organisations; top-level comments over the blocks (type mix,
/// the blocks' section tags, some replies, some withdrawn or hidden, decisions with observations on
/// about 40 %) written over the 30 days before <c>end</c>; and takeaways in breakout rooms (the
/// version's rooms, or, when it has none, 20 new ones of a generated meeting, a few with notes).
/// Names and texts are assembled from short generic parts, a few in French, Arabic or Chinese.
/// Pure: the web app's <c>GeneratedConsultation</c> writes it to the database, benchmarks use it in memory.
/// </summary>
public sealed record ConsultationPlan(
    IReadOnlyList<PlannedUser> Users,
    IReadOnlyList<PlannedComment> Comments,
    IReadOnlyList<PlannedRoom> Rooms,
    IReadOnlyList<PlannedTakeaway> Takeaways,
    DateTime MeetingDay)
{
    public const int DefaultSeed = 2026;
    public const int NewRooms = 20;
    public static readonly TimeSpan Span = TimeSpan.FromDays(30);

    public static ConsultationPlan Create(ConsultationShape shape, ConsultationSize size, DateTime end, int seed = DefaultSeed)
    {
        if (shape.Blocks.Count == 0 || size.Users <= 0)
        {
            throw new ArgumentException("A consultation needs at least one block and one person.");
        }

        var random = new Random(seed);
        var users = People(random, size.Users);
        var start = end - Span;
        var comments = Enumerable.Range(0, size.Comments).Select(_ => Comment(random, shape, users.Count, start, end)).ToList();
        var meetingDay = (end - TimeSpan.FromDays(12)).Date;
        var rooms = shape.Rooms.Count > 0 ? shape.Rooms.Select(r => new PlannedRoom(r.Id, "", "", r.Terms, [], [], "")).ToList()
            : size.Takeaways > 0 ? NewRoomsFor(random, shape, users.Count)
            : [];
        var takeaways = Enumerable.Range(0, size.Takeaways).Select(_ => Takeaway(random, shape, rooms, meetingDay)).ToList();
        return new ConsultationPlan(users, comments, rooms, takeaways, meetingDay);
    }

    private static List<PlannedUser> People(Random random, int count)
    {
        var organisations = new Dictionary<StakeholderGroup, List<string>>();
        var users = new List<PlannedUser>(count);
        for (var i = 0; i < count; i++)
        {
            var group = Weighted(random, GroupWeights);
            if (!organisations.TryGetValue(group, out var pool))
            {
                // About six people per organisation: colleagues comment from the same one.
                var size = Math.Max(2, count / 6 * GroupWeights.First(w => w.Item == group).Weight / 100);
                organisations[group] = pool = Enumerable.Range(0, size).Select(_ => Organisation(random, group)).Distinct().ToList();
            }

            var name = $"{Pick(random, GivenNames)} {(char)('A' + random.Next(26))}. {Pick(random, FamilyNames)}";
            users.Add(new PlannedUser(i + 1, name, Skewed(random, pool), group, Weighted(random, RegionWeights)));
        }

        return users;
    }

    private static PlannedComment Comment(Random random, ConsultationShape shape, int userCount, DateTime start, DateTime end)
    {
        var at = Between(random, start, end);
        var type = Weighted(random, TypeWeights);
        var body = Sentence(random, CommentOpeners, CommentClaims, Topics, Qualifiers) + (random.Next(3) == 0 ? " " + Sentence(random, Follow, Topics, Qualifiers) : "");
        if (random.Next(10) == 0)
        {
            body += " " + Pick(random, OtherLanguages);
        }

        var proposed = type == CommentType.Editorial || random.Next(8) == 0 ? Sentence(random, ProposedOpeners, Topics, Qualifiers) : null;
        var roll = random.Next(100);
        var state = roll < 3 ? PlannedState.Withdrawn : roll < 5 ? PlannedState.Hidden : PlannedState.Active;
        var decision = state == PlannedState.Active && random.Next(100) < 40
            ? new PlannedDecision(Weighted(random, DecisionWeights), Sentence(random, Observations, Topics, Qualifiers), Between(random, at, end))
            : null;
        var replies = random.Next(100) < 12
            ? Enumerable.Range(0, 1 + random.Next(2)).Select(_ => new PlannedReply(Skewed(random, userCount), Sentence(random, ReplyOpeners, Topics, Qualifiers), Between(random, at, end))).OrderBy(r => r.At).ToList()
            : [];
        return new PlannedComment(Skewed(random, userCount), Pick(random, shape.Blocks), type, body, proposed, at, state, decision, replies);
    }

    private static List<PlannedRoom> NewRoomsFor(Random random, ConsultationShape shape, int userCount)
    {
        var areas = shape.Terms.Where(t => t.Kind == TaxonomyKind.ThematicArea).ToList();
        var principles = shape.Terms.Where(t => t.Kind == TaxonomyKind.Principle).ToList();
        var rooms = new List<PlannedRoom>(NewRooms);
        for (var i = 0; i < NewRooms; i++)
        {
            var area = areas.Count > 0 ? areas[i % areas.Count] : null;
            var chosen = principles.OrderBy(_ => random.Next()).Take(Math.Min(principles.Count, 1 + random.Next(2))).ToList();
            var terms = chosen.Prepend(area).OfType<PlanTerm>().ToList();
            var sections = shape.Blocks.Where(b => area is null || b.Terms.Contains(area.Id)).Select(b => b.SectionAnchor).Distinct()
                .OrderBy(_ => random.Next()).Take(3).Order(StringComparer.Ordinal).ToList();
            var people = Enumerable.Range(0, 8 + random.Next(8)).Select(_ => random.Next(userCount)).Distinct().ToList();
            var title = $"Room {i + 1}: {string.Join(" · ", terms.Select(t => t.Name))}";
            var notes = i % 5 == 0
                ? string.Join("\n", Enumerable.Range(0, 3 + random.Next(4)).Select(_ => "- " + Sentence(random, NoteOpeners, Topics, Qualifiers)))
                : "";
            rooms.Add(new PlannedRoom(null, title, Sentence(random, Prompts, Topics, Qualifiers), terms.Select(t => t.Id).ToList(), sections, people, notes));
        }

        return rooms;
    }

    private static PlannedTakeaway Takeaway(Random random, ConsultationShape shape, List<PlannedRoom> rooms, DateTime meetingDay)
    {
        var room = random.Next(rooms.Count);
        var kind = Weighted(random, TakeawayWeights);
        var text = Sentence(random, TakeawayOpeners[kind], Topics, Qualifiers);
        var blocks = rooms[room].Sections.Count > 0 && random.Next(2) == 0 ? shape.Blocks.Where(b => rooms[room].Sections.Contains(b.SectionAnchor)).ToList() : [];
        var at = meetingDay + TimeSpan.FromMinutes(11 * 60 + 30 + random.Next(210));
        return new PlannedTakeaway(room, kind, text, blocks.Count > 0 ? Pick(random, blocks).Anchor : null, rooms[room].Terms, at, random.Next(4) == 0);
    }

    private static string Organisation(Random random, StakeholderGroup group)
    {
        var place = Pick(random, PlaceStarts) + Pick(random, PlaceEnds);
        return group switch
        {
            StakeholderGroup.NationalGovernment => $"Ministry of {Pick(random, Domains)}, Republic of {place}",
            StakeholderGroup.LocalAndRegionalGovernment => string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, LocalBodies), place),
            StakeholderGroup.Academia => string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, AcademicBodies), place, Pick(random, Domains)),
            StakeholderGroup.PrivateSector => $"{place} {Pick(random, CompanyWords)}",
            StakeholderGroup.CivilSociety => string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, CivicBodies), place, Pick(random, Causes)),
            StakeholderGroup.InternationalOrganisation => $"{Pick(random, InternationalBodies)} for {Pick(random, Domains)}",
            _ => $"{place} {Pick(random, OtherBodies)}",
        };
    }

    private static string Sentence(Random random, IReadOnlyList<string> openers, IReadOnlyList<string> topics, IReadOnlyList<string> qualifiers) =>
        $"{Pick(random, openers)} {Pick(random, topics)} {Pick(random, qualifiers)}";

    private static string Sentence(Random random, IReadOnlyList<string> openers, IReadOnlyList<string> claims, IReadOnlyList<string> topics, IReadOnlyList<string> qualifiers) =>
        $"{Pick(random, openers)} {Pick(random, claims)} {Pick(random, topics)} {Pick(random, qualifiers)}";

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Favours the first items: a few people write much of the feedback, a few organisations send many people.</summary>
    private static int Skewed(Random random, int count) => (int)(count * Math.Pow(random.NextDouble(), 2));

    private static T Skewed<T>(Random random, IReadOnlyList<T> items) => items[Skewed(random, items.Count)];

    private static T Weighted<T>(Random random, IReadOnlyList<(T Item, int Weight)> weights)
    {
        var roll = random.Next(weights.Sum(w => w.Weight));
        foreach (var (item, weight) in weights)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }

        return weights[^1].Item;
    }

    private static DateTime Between(Random random, DateTime from, DateTime to) =>
        from.AddSeconds(Math.Floor(random.NextDouble() * Math.Max(0, (to - from).TotalSeconds)));

    // Weights in per cent.
    private static readonly (StakeholderGroup Item, int Weight)[] GroupWeights =
    [
        (StakeholderGroup.LocalAndRegionalGovernment, 25), (StakeholderGroup.NationalGovernment, 18), (StakeholderGroup.CivilSociety, 17),
        (StakeholderGroup.Academia, 15), (StakeholderGroup.PrivateSector, 12), (StakeholderGroup.InternationalOrganisation, 8), (StakeholderGroup.Other, 5),
    ];

    private static readonly (Region Item, int Weight)[] RegionWeights =
    [
        (Region.Africa, 22), (Region.AsiaPacific, 22), (Region.EuropeAndCentralAsia, 18), (Region.LatinAmericaAndTheCaribbean, 15),
        (Region.MiddleEastAndNorthAfrica, 12), (Region.NorthAmerica, 11),
    ];

    private static readonly (CommentType Item, int Weight)[] TypeWeights = [(CommentType.General, 45), (CommentType.Technical, 35), (CommentType.Editorial, 20)];

    private static readonly (Decision Item, int Weight)[] DecisionWeights =
        [(Decision.Accepted, 30), (Decision.AcceptedInPart, 25), (Decision.Noted, 25), (Decision.NotAccepted, 15), (Decision.OutOfScope, 5)];

    private static readonly (TakeawayKind Item, int Weight)[] TakeawayWeights =
        [(TakeawayKind.Recommendation, 40), (TakeawayKind.Concern, 25), (TakeawayKind.Question, 20), (TakeawayKind.ProposedTextChange, 15)];

    private static readonly string[] GivenNames =
    [
        "Amina", "Kofi", "Lindiwe", "Tariq", "Mei", "Hiroshi", "Priya", "Arjun", "Sofia", "Mateus", "Camila", "Diego", "Olga", "Piotr", "Ingrid",
        "Lars", "Fatima", "Youssef", "Leila", "Omar", "Grace", "Samuel", "Aiyana", "Noah", "Siosaia", "Mere", "Thanh", "Linh", "Nadia", "Ivan",
        "Chiara", "Marco", "Aylin", "Emre", "Zainab", "Tunde", "Rosa", "Joaquín", "Hana", "Min-jun",
    ];

    private static readonly string[] FamilyNames =
    [
        "Mensah", "Okafor", "Dlamini", "Haddad", "Chen", "Tanaka", "Sharma", "Iyer", "Oliveira", "Santos", "Rojas", "Fernández", "Petrova", "Nowak",
        "Lindqvist", "Berg", "El-Amin", "Benali", "Karimi", "Nasser", "Wanjiru", "Abebe", "Begay", "Miller", "Taufa", "Ngata", "Nguyen", "Tran",
        "Kovač", "Horvat", "Rossi", "Bianchi", "Yılmaz", "Demir", "Bello", "Adeyemi", "Morales", "Quispe", "Kim", "Park",
    ];

    private static readonly string[] PlaceStarts = ["Ara", "Bel", "Cor", "Dun", "Eli", "Fal", "Gal", "Hal", "Ita", "Jor", "Kan", "Lum", "Mar", "Nor", "Oku", "Pal", "Ros", "Sel", "Tam", "Vel", "Wen", "Yar", "Zan"];

    private static readonly string[] PlaceEnds = ["bridge", "dale", "mere", "ville", "pur", "grad", "abad", "polis", "stad", "haven", "ton", "ora", "ana", "ika", "wa", "field"];

    private static readonly string[] Domains = ["Urban Development", "Digital Affairs", "Housing", "Infrastructure", "Local Government", "the Environment", "Finance", "Spatial Planning", "Innovation"];

    private static readonly string[] LocalBodies = ["City of {0}", "{0} Municipality", "{0} Regional Council", "{0} Metropolitan Authority", "District of {0}", "{0} City Council"];

    private static readonly string[] AcademicBodies = ["University of {0}", "{0} Institute of Technology", "Centre for Urban Studies, {0}", "{0} School of {1}"];

    private static readonly string[] CompanyWords = ["Networks", "Analytics", "Mobility Solutions", "Data Systems", "Engineering Group", "Telecom", "Urban Tech", "Consulting"];

    private static readonly string[] CivicBodies = ["{0} Residents' Association", "Coalition for {1}", "{0} Digital Rights Forum", "{0} Women in Planning Network", "Friends of {0}", "Alliance for {1}"];

    private static readonly string[] Causes = ["Open Cities", "Inclusive Streets", "Data Justice", "Accessible Services", "Fair Housing", "Clean Air"];

    private static readonly string[] InternationalBodies = ["Regional Development Bank", "International Network", "Intergovernmental Forum", "Global Partnership", "Regional Commission"];

    private static readonly string[] OtherBodies = ["Foundation", "Press", "Consultancy", "Youth Parliament"];

    private static readonly string[] CommentOpeners =
    [
        "This paragraph", "The section", "The wording here", "This part of the draft", "The text", "This recommendation", "The example given", "This list",
    ];

    private static readonly string[] CommentClaims =
    [
        "should say who is responsible for", "could say more about", "needs a concrete example of", "would benefit from a reference to",
        "seems to overlook", "is unclear about", "puts too much weight on", "should be more ambitious on", "mixes two ideas when it discusses",
        "does not yet reflect the practice of",
    ];

    private static readonly string[] Topics =
    [
        "open data standards", "community consultation", "public procurement rules", "municipal budget cycles", "small and intermediate towns",
        "informal settlements", "services for older residents", "sensor data retention", "interoperability between agencies", "local digital skills",
        "climate risk mapping", "broadband in rural districts", "grievance mechanisms", "gender-disaggregated data", "vendor lock-in",
        "participatory budgeting", "cybersecurity of city systems", "public Wi-Fi", "land-use planning tools", "monitoring indicators",
    ];

    private static readonly string[] Qualifiers =
    [
        "in secondary cities.", "during the first year of implementation.", "where national rules are still missing.", "for cities with small budgets.",
        "in the annex as well.", "before any pilot starts.", "across all levels of government.", "for people without a smartphone.",
        "in line with the principles in section 3.", "when private partners are involved.",
    ];

    private static readonly string[] Follow = ["We suggest adding a sentence on", "In our experience this matters most for", "Consider a short box on", "A checklist would help with"];

    private static readonly string[] ProposedOpeners = ["Cities should publish clear rules on", "Cities should plan early for", "National and local governments should agree on"];

    private static readonly string[] ReplyOpeners = ["Agreed, and the same applies to", "We see it differently as regards", "A useful reference here is the national guidance on", "Could you give an example of"];

    private static readonly string[] Observations =
    [
        "The text now covers", "Addressed by a new sentence on", "A reference was added on", "Kept as it is; the annex already treats",
        "Outside the guidelines' scope, but noted for the companion toolkit on",
    ];

    private static readonly string[] OtherLanguages =
    [
        "Merci pour ce travail important.", "Il faudrait préciser le rôle des communes.", "Nous proposons un exemple concret.",
        "نقترح توضيح دور البلديات.", "شكراً على هذا العمل.", "يجب ذكر الفئات الأكثر هشاشة.",
        "建议补充具体的实施步骤。", "请明确数据共享的责任。", "感谢起草小组的工作。",
    ];

    private static readonly string[] Prompts = ["What should the draft say about", "What is missing on", "Which examples would help cities with", "Who is left out of"];

    private static readonly string[] NoteOpeners = ["Several members raised", "Agreement on the need to address", "One city shared its experience with", "Open question:", "Divided views on"];

    private static readonly IReadOnlyDictionary<TakeawayKind, string[]> TakeawayOpeners = new Dictionary<TakeawayKind, string[]>
    {
        [TakeawayKind.Recommendation] = ["The room recommends a clearer treatment of", "Add guidance on", "Strengthen the commitments on"],
        [TakeawayKind.Concern] = ["Concern that the draft underestimates", "Risk of leaving out", "Members worry about"],
        [TakeawayKind.Question] = ["How should cities approach", "Who pays for", "What counts as success for"],
        [TakeawayKind.ProposedTextChange] = ["Proposed new paragraph on", "Reword the opening of the section on", "Move the text on"],
    };
}
