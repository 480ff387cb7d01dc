using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Catalog.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditWitness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "witnessed_checkpoints",
                columns: table => new
                {
                    LogId = table.Column<string>(type: "TEXT", nullable: false),
                    TreeSize = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<string>(type: "TEXT", nullable: false),
                    TimeMillis = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", nullable: false),
                    WitnessId = table.Column<string>(type: "TEXT", nullable: false),
                    CosignedAtMillis = table.Column<long>(type: "INTEGER", nullable: false),
                    Cosignature = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_witnessed_checkpoints", x => x.LogId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "witnessed_checkpoints");
        }
    }
}
