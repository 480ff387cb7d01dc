using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Adapters.Shared.Licences.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "licences",
                columns: table => new
                {
                    LicenceNumber = table.Column<string>(type: "TEXT", maxLength: 31, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    HolderId = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", nullable: false),
                    IssuerDepartmentCode = table.Column<string>(type: "TEXT", nullable: false),
                    IssuerCreditCode = table.Column<string>(type: "TEXT", nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiryDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DataItems = table.Column<string>(type: "TEXT", nullable: false),
                    SigningKeyId = table.Column<string>(type: "TEXT", nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    RevokedAt = table.Column<string>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licences", x => x.LicenceNumber);
                });

            migrationBuilder.CreateIndex(
                name: "IX_licences_HolderId",
                table: "licences",
                column: "HolderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "licences");
        }
    }
}
