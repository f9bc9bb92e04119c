using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuidelinesReview.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Translations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Comments",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Blocks",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "GlossaryItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GuidelineId = table.Column<int>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GlossaryItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GlossaryItems_Guidelines_GuidelineId",
                        column: x => x.GuidelineId,
                        principalTable: "Guidelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TranslationComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SegmentId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranslationComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TranslationComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TranslationComments_DraftVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DraftVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Translations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SegmentId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    BlockAnchor = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovedText = table.Column<string>(type: "TEXT", nullable: true),
                    SourceText = table.Column<string>(type: "TEXT", nullable: false),
                    SourceHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    TranslatorId = table.Column<string>(type: "TEXT", nullable: true),
                    TranslatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewerId = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WaivedChecks = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    WaiverReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CarriedFromId = table.Column<int>(type: "INTEGER", nullable: true),
                    EditorialChange = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Translations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Translations_AspNetUsers_ReviewerId",
                        column: x => x.ReviewerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Translations_AspNetUsers_TranslatorId",
                        column: x => x.TranslatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Translations_DraftVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DraftVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Translations_Translations_CarriedFromId",
                        column: x => x.CarriedFromId,
                        principalTable: "Translations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TranslatorLanguages",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reviews = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranslatorLanguages", x => new { x.UserId, x.Language });
                    table.ForeignKey(
                        name: "FK_TranslatorLanguages_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GlossaryItemRenderings",
                columns: table => new
                {
                    GlossaryItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Preferred = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Forbidden = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GlossaryItemRenderings", x => new { x.GlossaryItemId, x.Language });
                    table.ForeignKey(
                        name: "FK_GlossaryItemRenderings_GlossaryItems_GlossaryItemId",
                        column: x => x.GlossaryItemId,
                        principalTable: "GlossaryItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TranslationCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SegmentId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    FromTranslationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranslationCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TranslationCandidates_DraftVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DraftVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TranslationCandidates_Translations_FromTranslationId",
                        column: x => x.FromTranslationId,
                        principalTable: "Translations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TranslationEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TranslationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranslationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TranslationEvents_AspNetUsers_ActorId",
                        column: x => x.ActorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TranslationEvents_Translations_TranslationId",
                        column: x => x.TranslationId,
                        principalTable: "Translations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GlossaryItems_GuidelineId_Term",
                table: "GlossaryItems",
                columns: new[] { "GuidelineId", "Term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TranslationCandidates_FromTranslationId",
                table: "TranslationCandidates",
                column: "FromTranslationId");

            migrationBuilder.CreateIndex(
                name: "IX_TranslationCandidates_VersionId_Language_SegmentId",
                table: "TranslationCandidates",
                columns: new[] { "VersionId", "Language", "SegmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_TranslationComments_AuthorId",
                table: "TranslationComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_TranslationComments_VersionId_Language_SegmentId",
                table: "TranslationComments",
                columns: new[] { "VersionId", "Language", "SegmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_TranslationEvents_ActorId",
                table: "TranslationEvents",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_TranslationEvents_TranslationId",
                table: "TranslationEvents",
                column: "TranslationId");

            migrationBuilder.CreateIndex(
                name: "IX_Translations_CarriedFromId",
                table: "Translations",
                column: "CarriedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_Translations_ReviewerId",
                table: "Translations",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_Translations_TranslatorId",
                table: "Translations",
                column: "TranslatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Translations_VersionId_Language_SegmentId",
                table: "Translations",
                columns: new[] { "VersionId", "Language", "SegmentId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GlossaryItemRenderings");

            migrationBuilder.DropTable(
                name: "TranslationCandidates");

            migrationBuilder.DropTable(
                name: "TranslationComments");

            migrationBuilder.DropTable(
                name: "TranslationEvents");

            migrationBuilder.DropTable(
                name: "TranslatorLanguages");

            migrationBuilder.DropTable(
                name: "GlossaryItems");

            migrationBuilder.DropTable(
                name: "Translations");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Blocks");
        }
    }
}
