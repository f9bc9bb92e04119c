using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuidelinesReview.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RoomFloorAndKeptOpenVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FloorSince",
                table: "BreakoutRooms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FloorUserId",
                table: "BreakoutRooms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "KeptOpenVersions",
                columns: table => new
                {
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    SetById = table.Column<string>(type: "TEXT", nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeptOpenVersions", x => x.VersionId);
                    table.ForeignKey(
                        name: "FK_KeptOpenVersions_AspNetUsers_SetById",
                        column: x => x.SetById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeptOpenVersions_DraftVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DraftVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeptOpenVersions_SetById",
                table: "KeptOpenVersions",
                column: "SetById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeptOpenVersions");

            migrationBuilder.DropColumn(
                name: "FloorSince",
                table: "BreakoutRooms");

            migrationBuilder.DropColumn(
                name: "FloorUserId",
                table: "BreakoutRooms");
        }
    }
}
