using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Exchange.Catalog.Store.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MaterialLicenceItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
