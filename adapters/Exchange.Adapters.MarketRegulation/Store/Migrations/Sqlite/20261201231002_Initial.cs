using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Adapters.MarketRegulation.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprises",
                columns: table => new
                {
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalRepresentativeName = table.Column<string>(type: "TEXT", nullable: false),
                    LegalRepresentativeCitizenId = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    RegisteredCapitalYuan = table.Column<long>(type: "INTEGER", nullable: false),
                    EstablishedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    BusinessScope = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationAuthority = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises", x => x.CreditCode);
                });

            migrationBuilder.CreateTable(
                name: "credit_listings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    List = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    ListedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RemovedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidingAuthority = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_listings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_credit_listings_enterprises_CreditCode",
                        column: x => x.CreditCode,
                        principalTable: "enterprises",
                        principalColumn: "CreditCode",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credit_listings_CreditCode_ListedDate",
                table: "credit_listings",
                columns: new[] { "CreditCode", "ListedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_LegalRepresentativeCitizenId",
                table: "enterprises",
                column: "LegalRepresentativeCitizenId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_listings");

            migrationBuilder.DropTable(
                name: "enterprises");
        }
    }
}
