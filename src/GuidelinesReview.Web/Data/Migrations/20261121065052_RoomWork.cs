using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuidelinesReview.Web.Data.Migrations
{
    public partial class RoomWork : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RoomId",
                table: "Comments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NotesRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SavedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotesRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotesRevisions_AspNetUsers_SavedById",
                        column: x => x.SavedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NotesRevisions_BreakoutRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "BreakoutRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RaisedHands",
                columns: table => new
                {
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RaisedHands", x => new { x.RoomId, x.UserId });
                    table.ForeignKey(
                        name: "FK_RaisedHands_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RaisedHands_BreakoutRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "BreakoutRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Takeaways",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Anchor = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    ForPlenary = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Takeaways", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Takeaways_BreakoutRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "BreakoutRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TakeawaySupports",
                columns: table => new
                {
                    TakeawayId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TakeawaySupports", x => new { x.TakeawayId, x.UserId });
                    table.ForeignKey(
                        name: "FK_TakeawaySupports_Takeaways_TakeawayId",
                        column: x => x.TakeawayId,
                        principalTable: "Takeaways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TakeawayTag",
                columns: table => new
                {
                    TakeawayId = table.Column<int>(type: "INTEGER", nullable: false),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TakeawayTag", x => new { x.TakeawayId, x.TermId });
                    table.ForeignKey(
                        name: "FK_TakeawayTag_GuidelineTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "GuidelineTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TakeawayTag_Takeaways_TakeawayId",
                        column: x => x.TakeawayId,
                        principalTable: "Takeaways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_RoomId",
                table: "Comments",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_NotesRevisions_RoomId_Version",
                table: "NotesRevisions",
                columns: new[] { "RoomId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotesRevisions_SavedById",
                table: "NotesRevisions",
                column: "SavedById");

            migrationBuilder.CreateIndex(
                name: "IX_RaisedHands_UserId",
                table: "RaisedHands",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Takeaways_RoomId_Ordinal",
                table: "Takeaways",
                columns: new[] { "RoomId", "Ordinal" });

            migrationBuilder.CreateIndex(
                name: "IX_TakeawayTag_TermId",
                table: "TakeawayTag",
                column: "TermId");

            migrationBuilder.AddForeignKey(
                name: "FK_Comments_BreakoutRooms_RoomId",
                table: "Comments",
                column: "RoomId",
                principalTable: "BreakoutRooms",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Comments_BreakoutRooms_RoomId",
                table: "Comments");

            migrationBuilder.DropTable(
                name: "NotesRevisions");

            migrationBuilder.DropTable(
                name: "RaisedHands");

            migrationBuilder.DropTable(
                name: "TakeawaySupports");

            migrationBuilder.DropTable(
                name: "TakeawayTag");

            migrationBuilder.DropTable(
                name: "Takeaways");

            migrationBuilder.DropIndex(
                name: "IX_Comments_RoomId",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "RoomId",
                table: "Comments");
        }
    }
}
