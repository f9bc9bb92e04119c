using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuidelinesReview.Web.Data.Migrations
{
    public partial class Meetings : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_DraftVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DraftVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingDay",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDay", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingDay_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DayId = table.Column<int>(type: "INTEGER", nullable: false),
                    Time = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItem_MeetingDay_DayId",
                        column: x => x.DayId,
                        principalTable: "MeetingDay",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BreakoutRooms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", nullable: false),
                    ModeratorId = table.Column<string>(type: "TEXT", nullable: true),
                    NoteTakerId = table.Column<string>(type: "TEXT", nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    FocusAnchor = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    TimerEndsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: false),
                    NotesVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    NotesSavedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakoutRooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreakoutRooms_AgendaItem_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BreakoutRooms_AspNetUsers_ModeratorId",
                        column: x => x.ModeratorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BreakoutRooms_AspNetUsers_NoteTakerId",
                        column: x => x.NoteTakerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoomMembers",
                columns: table => new
                {
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomMembers", x => new { x.RoomId, x.UserId });
                    table.ForeignKey(
                        name: "FK_RoomMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoomMembers_BreakoutRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "BreakoutRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomSection",
                columns: table => new
                {
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    Anchor = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomSection", x => new { x.RoomId, x.Anchor });
                    table.ForeignKey(
                        name: "FK_RoomSection_BreakoutRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "BreakoutRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomTag",
                columns: table => new
                {
                    RoomId = table.Column<int>(type: "INTEGER", nullable: false),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomTag", x => new { x.RoomId, x.TermId });
                    table.ForeignKey(
                        name: "FK_RoomTag_BreakoutRooms_RoomId",
                        column: x => x.RoomId,
                        principalTable: "BreakoutRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoomTag_GuidelineTerms_TermId",
                        column: x => x.TermId,
                        principalTable: "GuidelineTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItem_DayId",
                table: "AgendaItem",
                column: "DayId");

            migrationBuilder.CreateIndex(
                name: "IX_BreakoutRooms_AgendaItemId",
                table: "BreakoutRooms",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_BreakoutRooms_ModeratorId",
                table: "BreakoutRooms",
                column: "ModeratorId");

            migrationBuilder.CreateIndex(
                name: "IX_BreakoutRooms_NoteTakerId",
                table: "BreakoutRooms",
                column: "NoteTakerId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDay_MeetingId",
                table: "MeetingDay",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Slug",
                table: "Meetings",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_VersionId",
                table: "Meetings",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomMembers_UserId",
                table: "RoomMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomTag_TermId",
                table: "RoomTag",
                column: "TermId");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoomMembers");

            migrationBuilder.DropTable(
                name: "RoomSection");

            migrationBuilder.DropTable(
                name: "RoomTag");

            migrationBuilder.DropTable(
                name: "BreakoutRooms");

            migrationBuilder.DropTable(
                name: "AgendaItem");

            migrationBuilder.DropTable(
                name: "MeetingDay");

            migrationBuilder.DropTable(
                name: "Meetings");
        }
    }
}
