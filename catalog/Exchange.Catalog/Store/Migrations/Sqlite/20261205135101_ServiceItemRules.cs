using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Catalog.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceItemRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "service_items",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RuleCodes",
                table: "service_items",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "service_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "service_items",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            foreach (var backfill in ServiceItemRulesBackfill.Sqlite())
                migrationBuilder.Sql(backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "service_items");

            migrationBuilder.DropColumn(
                name: "RuleCodes",
                table: "service_items");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "service_items");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "service_items");
        }
    }
}
