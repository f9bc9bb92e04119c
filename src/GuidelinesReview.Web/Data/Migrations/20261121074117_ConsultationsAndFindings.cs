using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuidelinesReview.Web.Data.Migrations
{
    public partial class ConsultationsAndFindings : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsultationWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationWindows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationWindows_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConsultationWindows_DraftVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DraftVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KeyFindings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaTermId = table.Column<int>(type: "INTEGER", nullable: false),
                    PrincipleTermId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    TextHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    WrittenById = table.Column<string>(type: "TEXT", nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyFindings_AspNetUsers_WrittenById",
                        column: x => x.WrittenById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyFindings_DraftVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DraftVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyFindings_GuidelineTerms_AreaTermId",
                        column: x => x.AreaTermId,
                        principalTable: "GuidelineTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyFindings_GuidelineTerms_PrincipleTermId",
                        column: x => x.PrincipleTermId,
                        principalTable: "GuidelineTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationGroup",
                columns: table => new
                {
                    WindowId = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationGroup", x => new { x.WindowId, x.Group });
                    table.ForeignKey(
                        name: "FK_ConsultationGroup_ConsultationWindows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "ConsultationWindows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeyFindingComment",
                columns: table => new
                {
                    KeyFindingId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyFindingComment", x => new { x.KeyFindingId, x.CommentId });
                    table.ForeignKey(
                        name: "FK_KeyFindingComment_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KeyFindingComment_KeyFindings_KeyFindingId",
                        column: x => x.KeyFindingId,
                        principalTable: "KeyFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KeyFindingTakeaway",
                columns: table => new
                {
                    KeyFindingId = table.Column<int>(type: "INTEGER", nullable: false),
                    TakeawayId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyFindingTakeaway", x => new { x.KeyFindingId, x.TakeawayId });
                    table.ForeignKey(
                        name: "FK_KeyFindingTakeaway_KeyFindings_KeyFindingId",
                        column: x => x.KeyFindingId,
                        principalTable: "KeyFindings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KeyFindingTakeaway_Takeaways_TakeawayId",
                        column: x => x.TakeawayId,
                        principalTable: "Takeaways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationWindows_CreatedById",
                table: "ConsultationWindows",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationWindows_VersionId_OpensAt",
                table: "ConsultationWindows",
                columns: new[] { "VersionId", "OpensAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KeyFindingComment_CommentId",
                table: "KeyFindingComment",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyFindings_AreaTermId",
                table: "KeyFindings",
                column: "AreaTermId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyFindings_PrincipleTermId",
                table: "KeyFindings",
                column: "PrincipleTermId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyFindings_VersionId_AreaTermId_Ordinal",
                table: "KeyFindings",
                columns: new[] { "VersionId", "AreaTermId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_KeyFindings_WrittenById",
                table: "KeyFindings",
                column: "WrittenById");

            migrationBuilder.CreateIndex(
                name: "IX_KeyFindingTakeaway_TakeawayId",
                table: "KeyFindingTakeaway",
                column: "TakeawayId");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationGroup");

            migrationBuilder.DropTable(
                name: "KeyFindingComment");

            migrationBuilder.DropTable(
                name: "KeyFindingTakeaway");

            migrationBuilder.DropTable(
                name: "ConsultationWindows");

            migrationBuilder.DropTable(
                name: "KeyFindings");
        }
    }
}
