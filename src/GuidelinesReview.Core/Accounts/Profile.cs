namespace GuidelinesReview.Core.Accounts;

public enum StakeholderGroup
{
    NationalGovernment,
    LocalAndRegionalGovernment,
    Academia,
    PrivateSector,
    CivilSociety,
    InternationalOrganisation,
    Other,
}

public enum Region
{
    Africa,
    AsiaPacific,
    EuropeAndCentralAsia,
    LatinAmericaAndTheCaribbean,
    MiddleEastAndNorthAfrica,
    NorthAmerica,
}

public static class ProfileNames
{
    public static string Of(StakeholderGroup group) => group switch
    {
        StakeholderGroup.NationalGovernment => "National government",
        StakeholderGroup.LocalAndRegionalGovernment => "Local and regional government",
        StakeholderGroup.Academia => "Academia",
        StakeholderGroup.PrivateSector => "Private sector",
        StakeholderGroup.CivilSociety => "Civil society",
        StakeholderGroup.InternationalOrganisation => "International organisation",
        _ => "Other",
    };

    public static string Of(Region region) => region switch
    {
        Region.Africa => "Africa",
        Region.AsiaPacific => "Asia-Pacific",
        Region.EuropeAndCentralAsia => "Europe and Central Asia",
        Region.LatinAmericaAndTheCaribbean => "Latin America and the Caribbean",
        Region.MiddleEastAndNorthAfrica => "Middle East and North Africa",
        _ => "North America",
    };
}
