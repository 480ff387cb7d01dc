using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Exchange.Catalog.Store.Migrations.PostgreSql
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
                    Id = table.Column<string>(type: "text", nullable: false),
                    ProviderDepartmentCode = table.Column<string>(type: "text", nullable: false),
                    ResourceCode = table.Column<string>(type: "text", nullable: false),
                    HolderId = table.Column<string>(type: "text", nullable: false),
                    DataItems = table.Column<List<string>>(type: "text[]", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    RequestId = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    RaiserKind = table.Column<int>(type: "integer", nullable: false),
                    RaisedBy = table.Column<string>(type: "text", nullable: false),
                    RaiseTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "text", nullable: false),
                    AnsweredBy = table.Column<string>(type: "text", nullable: false),
                    AnswerTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_objections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "objection_events",
                columns: table => new
                {
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ObjectionId = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
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
