using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Gateway.Audit.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_records",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    time_micros = table.Column<long>(type: "INTEGER", nullable: false),
                    request_id = table.Column<string>(type: "TEXT", nullable: false),
                    consumer = table.Column<string>(type: "TEXT", nullable: false),
                    provider = table.Column<string>(type: "TEXT", nullable: false),
                    resource = table.Column<string>(type: "TEXT", nullable: false),
                    method = table.Column<string>(type: "TEXT", nullable: false),
                    holder_id = table.Column<string>(type: "TEXT", nullable: false),
                    data_items = table.Column<string>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    status_message = table.Column<string>(type: "TEXT", nullable: false),
                    latency_micros = table.Column<long>(type: "INTEGER", nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", nullable: false),
                    hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_records", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "licence_uses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    audit_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    time_micros = table.Column<long>(type: "INTEGER", nullable: false),
                    licence_number = table.Column<string>(type: "TEXT", nullable: false),
                    type_code = table.Column<string>(type: "TEXT", nullable: false),
                    holder_id = table.Column<string>(type: "TEXT", nullable: false),
                    consumer = table.Column<string>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    request_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licence_uses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "material_checks",
                columns: table => new
                {
                    audit_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    time_micros = table.Column<long>(type: "INTEGER", nullable: false),
                    service_item_code = table.Column<string>(type: "TEXT", nullable: false),
                    service_item_name = table.Column<string>(type: "TEXT", nullable: false),
                    materials_checked = table.Column<long>(type: "INTEGER", nullable: false),
                    materials_exempted = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_material_checks", x => x.audit_sequence);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_consumer",
                table: "audit_records",
                columns: new[] { "consumer", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_holder",
                table: "audit_records",
                columns: new[] { "holder_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_provider",
                table: "audit_records",
                columns: new[] { "provider", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_resource",
                table: "audit_records",
                columns: new[] { "resource", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_time",
                table: "audit_records",
                column: "time_micros");

            migrationBuilder.CreateIndex(
                name: "ix_licence_uses_holder",
                table: "licence_uses",
                columns: new[] { "holder_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_records");

            migrationBuilder.DropTable(
                name: "licence_uses");

            migrationBuilder.DropTable(
                name: "material_checks");
        }
    }
}
