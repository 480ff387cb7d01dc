using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Adapters.Shared.Licences.Migrations.PostgreSql
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
                    LicenceNumber = table.Column<string>(type: "character varying(31)", maxLength: 31, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    HolderId = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    HolderName = table.Column<string>(type: "text", nullable: false),
                    IssuerDepartmentCode = table.Column<string>(type: "text", nullable: false),
                    IssuerCreditCode = table.Column<string>(type: "text", nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DataItems = table.Column<string>(type: "text", nullable: false),
                    SigningKeyId = table.Column<string>(type: "text", nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", nullable: false),
                    RevokedAt = table.Column<string>(type: "text", nullable: true),
                    RevocationReason = table.Column<string>(type: "text", nullable: true)
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
