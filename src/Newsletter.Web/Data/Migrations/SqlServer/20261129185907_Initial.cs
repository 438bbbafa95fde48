using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Newsletter.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Issues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    IsSupplement = table.Column<bool>(type: "bit", nullable: false),
                    SerialNumber = table.Column<int>(type: "int", nullable: true),
                    CoverMonth = table.Column<int>(type: "int", nullable: false),
                    PrintDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Copies = table.Column<int>(type: "int", nullable: true),
                    ChiefEditor = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Editor = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ResponsibleEditor = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    SendTo = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DistributeTo = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Visibility = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SourceFile = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Publications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    IssuingBody = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DefaultVisibility = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PrintPermitNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    MarkAsInternalMaterial = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Slug = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    IssueId = table.Column<int>(type: "int", nullable: true),
                    SectionId = table.Column<int>(type: "int", nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AttributionOrganization = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Correspondents = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AuthorName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    AuthorTitle = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SourceKind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    SourceName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SourceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Dateline = table.Column<DateOnly>(type: "date", nullable: true),
                    PrintedPage = table.Column<int>(type: "int", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Articles_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Articles_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Publications",
                columns: new[] { "Id", "DefaultVisibility", "IssuingBody", "MarkAsInternalMaterial", "Name", "PrintPermitNumber" },
                values: new object[] { 1, "Public", "广西壮族自治区计划生育协会", true, "工作通讯", null });

            migrationBuilder.InsertData(
                table: "Sections",
                columns: new[] { "Id", "IsActive", "Kind", "Name", "Slug", "SortOrder" },
                values: new object[,]
                {
                    { 1, true, "Articles", "工作调研", "research", 10 },
                    { 2, true, "Articles", "协会活动", "activities", 20 },
                    { 3, true, "Articles", "学习文选", "readings", 30 },
                    { 4, true, "Articles", "专题党课", "party-lectures", 40 },
                    { 5, true, "Articles", "经验交流", "experience", 50 },
                    { 6, true, "Briefs", "基层简讯", "briefs", 60 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_IssueId_SectionId_Position",
                table: "Articles",
                columns: new[] { "IssueId", "SectionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_SectionId",
                table: "Articles",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_SerialNumber",
                table: "Issues",
                column: "SerialNumber",
                unique: true,
                filter: "[SerialNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Status_PublishedAt",
                table: "Issues",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Year_IsSupplement_Number",
                table: "Issues",
                columns: new[] { "Year", "IsSupplement", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sections_Name",
                table: "Sections",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sections_Slug",
                table: "Sections",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Articles");

            migrationBuilder.DropTable(
                name: "Publications");

            migrationBuilder.DropTable(
                name: "Issues");

            migrationBuilder.DropTable(
                name: "Sections");
        }
    }
}
