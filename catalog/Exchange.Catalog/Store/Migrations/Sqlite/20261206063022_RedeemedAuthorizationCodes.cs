using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Catalog.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RedeemedAuthorizationCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "redeemed_authorization_codes",
                columns: table => new
                {
                    CodeId = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAtMillis = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_redeemed_authorization_codes", x => x.CodeId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_redeemed_authorization_codes_ExpiresAtMillis",
                table: "redeemed_authorization_codes",
                column: "ExpiresAtMillis");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "redeemed_authorization_codes");
        }
    }
}
