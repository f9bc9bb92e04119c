using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GuidelinesReview.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RoomFloor : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_BreakoutRooms_FloorUserId",
                table: "BreakoutRooms",
                column: "FloorUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_BreakoutRooms_AspNetUsers_FloorUserId",
                table: "BreakoutRooms",
                column: "FloorUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BreakoutRooms_AspNetUsers_FloorUserId",
                table: "BreakoutRooms");

            migrationBuilder.DropIndex(
                name: "IX_BreakoutRooms_FloorUserId",
                table: "BreakoutRooms");

            migrationBuilder.DropColumn(
                name: "FloorSince",
                table: "BreakoutRooms");

            migrationBuilder.DropColumn(
                name: "FloorUserId",
                table: "BreakoutRooms");
        }
    }
}
