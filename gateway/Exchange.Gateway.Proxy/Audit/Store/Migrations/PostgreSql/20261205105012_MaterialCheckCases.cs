using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Gateway.Audit.Store.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MaterialCheckCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "blocked",
                table: "material_checks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "case_number",
                table: "material_checks",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "consumer",
                table: "material_checks",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_material_checks_service_item_code_consumer_case_number",
                table: "material_checks",
                columns: new[] { "service_item_code", "consumer", "case_number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_material_checks_service_item_code_consumer_case_number",
                table: "material_checks");

            migrationBuilder.DropColumn(
                name: "blocked",
                table: "material_checks");

            migrationBuilder.DropColumn(
                name: "case_number",
                table: "material_checks");

            migrationBuilder.DropColumn(
                name: "consumer",
                table: "material_checks");
        }
    }
}
