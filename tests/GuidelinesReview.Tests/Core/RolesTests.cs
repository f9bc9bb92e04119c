using GuidelinesReview.Core.Accounts;

namespace GuidelinesReview.Tests.Core;

public sealed class RolesTests
{
    public static TheoryData<string> EveryRole()
    {
        var data = new TheoryData<string>();
        foreach (var role in Roles.All.Where(r => r != Roles.Public))
        {
            data.Add(role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void An_admin_can_invite_every_role(string role)
    {
        Assert.True(Roles.CanInvite([Roles.Admin], role));
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void The_secretariat_can_invite_every_role_but_admin(string role)
    {
        Assert.Equal(role != Roles.Admin, Roles.CanInvite([Roles.Secretariat], role));
    }

    [Fact]
    public void The_secretariat_cannot_invite_an_admin()
    {
        Assert.False(Roles.CanInvite([Roles.Secretariat], Roles.Admin));
        Assert.False(Roles.CanInvite([Roles.Secretariat, Roles.Moderator], Roles.Admin));
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void Experts_and_other_roles_cannot_invite_anyone(string role)
    {
        Assert.False(Roles.CanInvite([Roles.Expert], role));
        Assert.False(Roles.CanInvite([Roles.Moderator, Roles.NoteTaker, Roles.Translator, Roles.Observer], role));
        Assert.False(Roles.CanInvite([], role));
    }

    [Theory]
    [InlineData("Superuser")]
    [InlineData("admin")]
    [InlineData("")]
    public void Nobody_can_invite_to_a_role_that_does_not_exist(string role)
    {
        Assert.False(Roles.CanInvite([Roles.Admin], role));
    }

    [Fact]
    public void Nobody_invites_a_public_participant_they_register_themselves()
    {
        Assert.False(Roles.CanInvite([Roles.Admin], Roles.Public));
        Assert.False(Roles.CanInvite([Roles.Secretariat], Roles.Public));
        Assert.Equal("Public participant", Roles.DisplayName(Roles.Public));
    }

    [Fact]
    public void Only_an_account_with_no_role_but_public_is_public_only()
    {
        Assert.True(Roles.IsPublicOnly([Roles.Public]));
        Assert.False(Roles.IsPublicOnly([Roles.Public, Roles.Expert]));
        Assert.False(Roles.IsPublicOnly([Roles.Observer]));
        Assert.False(Roles.IsPublicOnly([]));
    }

    [Fact]
    public void Role_names_are_compared_exactly()
    {
        Assert.False(Roles.CanInvite(["admin", "SECRETARIAT"], Roles.Expert));
    }
}
