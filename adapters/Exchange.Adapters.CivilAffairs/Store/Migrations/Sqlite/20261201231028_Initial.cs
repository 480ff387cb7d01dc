using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Adapters.CivilAffairs.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "marriage_registrations",
                columns: table => new
                {
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegistrationOffice = table.Column<string>(type: "TEXT", nullable: false),
                    HusbandCitizenId = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    HusbandName = table.Column<string>(type: "TEXT", nullable: false),
                    WifeCitizenId = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    WifeName = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_marriage_registrations", x => x.CertificateNumber);
                });

            migrationBuilder.CreateTable(
                name: "social_organizations",
                columns: table => new
                {
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalRepresentativeName = table.Column<string>(type: "TEXT", nullable: false),
                    LegalRepresentativeCitizenId = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    RegistrationAuthority = table.Column<string>(type: "TEXT", nullable: false),
                    RegisteredDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    BusinessScope = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_social_organizations", x => x.CreditCode);
                });

            migrationBuilder.CreateIndex(
                name: "IX_marriage_registrations_HusbandCitizenId",
                table: "marriage_registrations",
                column: "HusbandCitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_marriage_registrations_WifeCitizenId",
                table: "marriage_registrations",
                column: "WifeCitizenId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "marriage_registrations");

            migrationBuilder.DropTable(
                name: "social_organizations");
        }
    }
}
