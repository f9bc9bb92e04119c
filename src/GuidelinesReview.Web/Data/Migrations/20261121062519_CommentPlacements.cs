using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuidelinesReview.Web.Data.Migrations
{
    public partial class CommentPlacements : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommentPlacements",
                columns: table => new
                {
                    CommentId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QuoteExact = table.Column<string>(type: "TEXT", nullable: true),
                    QuotePrefix = table.Column<string>(type: "TEXT", nullable: true),
                    QuoteSuffix = table.Column<string>(type: "TEXT", nullable: true),
                    QuoteStart = table.Column<int>(type: "INTEGER", nullable: true),
                    QuoteEnd = table.Column<int>(type: "INTEGER", nullable: true),
                    PassageFound = table.Column<bool>(type: "INTEGER", nullable: false),
                    Similarity = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentPlacements", x => new { x.CommentId, x.VersionId });
                    table.ForeignKey(
                        name: "FK_CommentPlacements_Blocks_BlockId",
                        column: x => x.BlockId,
                        principalTable: "Blocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommentPlacements_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentPlacements_DraftVersions_FromVersionId",
                        column: x => x.FromVersionId,
                        principalTable: "DraftVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommentPlacements_DraftVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DraftVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommentPlacements_BlockId",
                table: "CommentPlacements",
                column: "BlockId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentPlacements_FromVersionId",
                table: "CommentPlacements",
                column: "FromVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentPlacements_VersionId",
                table: "CommentPlacements",
                column: "VersionId");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentPlacements");
        }
    }
}
