using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Catalog.Store.Migrations.PostgreSql
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<string>>(
                name: "RuleCodes",
                table: "service_items",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "service_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "service_items",
                type: "text",
                nullable: false,
                defaultValue: "");

            foreach (var backfill in ServiceItemRulesBackfill.PostgreSql())
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
