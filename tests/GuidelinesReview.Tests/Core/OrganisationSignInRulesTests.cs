using GuidelinesReview.Core.Accounts;

namespace GuidelinesReview.Tests.Core;

public sealed class OrganisationSignInRulesTests
{
    private static readonly Dictionary<string, string> Map = new()
    {
        ["Guideline.Reviewer"] = Roles.Expert,
        ["Guideline.Reader"] = Roles.Observer,
    };

    [Fact]
    public void Only_roles_in_the_map_become_platform_roles_and_each_once()
    {
        var mapped = OrganisationSignInRules.MappedRoles(["Guideline.Reviewer", "Admin", "Secretariat", "Guideline.Reader", "Guideline.Reviewer"], Map);

        Assert.Equal([Roles.Expert, Roles.Observer], mapped);
        Assert.Empty(OrganisationSignInRules.MappedRoles(["Admin", "Global Administrator"], Map));
    }

    [Fact]
    public void A_map_to_a_role_with_powers_is_refused_naming_the_entry()
    {
        var problems = OrganisationSignInRules.CheckRoleMap(new Dictionary<string, string>
        {
            ["Guideline.Reviewer"] = Roles.Expert,
            ["Directory.Admins"] = Roles.Admin,
            ["Staff"] = Roles.Secretariat,
            ["Typo"] = "expert",
        });

        Assert.Equal(
        [
            "GuidelinesReview:OrganisationSignIn:RoleMap:Directory.Admins is \"Admin\"; a provider's role may map only to Expert, Observer, Translator.",
            "GuidelinesReview:OrganisationSignIn:RoleMap:Staff is \"Secretariat\"; a provider's role may map only to Expert, Observer, Translator.",
            "GuidelinesReview:OrganisationSignIn:RoleMap:Typo is \"expert\"; a provider's role may map only to Expert, Observer, Translator.",
        ], problems);
        Assert.Empty(OrganisationSignInRules.CheckRoleMap(Map));
    }

    [Fact]
    public void An_invitation_is_matched_only_by_an_address_the_provider_vouches_for()
    {
        Assert.Null(OrganisationSignInRules.AddressProblem(new ExternalIdentity("a@org.example", true, "A", [])));
        Assert.Contains("did not confirm that a@org.example is your address", OrganisationSignInRules.AddressProblem(new ExternalIdentity("a@org.example", false, "A", [])), StringComparison.Ordinal);
        Assert.Contains("did not say which email address you use", OrganisationSignInRules.AddressProblem(new ExternalIdentity(null, true, "A", [])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("State", ExternalSignInFailure.State)]
    [InlineData("codeRejected", ExternalSignInFailure.CodeRejected)]
    [InlineData("Issuer", ExternalSignInFailure.Issuer)]
    [InlineData("42", ExternalSignInFailure.Provider)]
    [InlineData("<script>", ExternalSignInFailure.Provider)]
    [InlineData(null, ExternalSignInFailure.Provider)]
    public void The_failure_page_reads_only_known_reasons(string? reason, ExternalSignInFailure expected)
    {
        Assert.Equal(expected, OrganisationSignInRules.ParseFailure(reason));
        Assert.EndsWith(".", OrganisationSignInRules.Describe(expected), StringComparison.Ordinal);
    }
}
