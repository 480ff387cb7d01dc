using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Catalog.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Objections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "objections",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDepartmentCode = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceCode = table.Column<string>(type: "TEXT", nullable: false),
                    HolderId = table.Column<string>(type: "TEXT", nullable: false),
                    DataItems = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RaiserKind = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RaiseTime = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DueTime = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", nullable: false),
                    AnsweredBy = table.Column<string>(type: "TEXT", nullable: false),
                    AnswerTime = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_objections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "objection_events",
                columns: table => new
                {
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObjectionId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    Time = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_objection_events", x => x.Revision);
                    table.ForeignKey(
                        name: "FK_objection_events_objections_ObjectionId",
                        column: x => x.ObjectionId,
                        principalTable: "objections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_objection_events_ObjectionId",
                table: "objection_events",
                column: "ObjectionId");

            migrationBuilder.CreateIndex(
                name: "IX_objections_HolderId",
                table: "objections",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_objections_RaisedBy_State",
                table: "objections",
                columns: new[] { "RaisedBy", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_objections_State_ProviderDepartmentCode",
                table: "objections",
                columns: new[] { "State", "ProviderDepartmentCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "objection_events");

            migrationBuilder.DropTable(
                name: "objections");
        }
    }
}
