using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Newsletter.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    IsSupplement = table.Column<bool>(type: "INTEGER", nullable: false),
                    SerialNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    CoverMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    PrintDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Copies = table.Column<int>(type: "INTEGER", nullable: true),
                    ChiefEditor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Editor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ResponsibleEditor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SendTo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DistributeTo = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Publications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DefaultVisibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PrintPermitNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    MarkAsInternalMaterial = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IssueId = table.Column<int>(type: "INTEGER", nullable: true),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    AttributionOrganization = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Correspondents = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AuthorTitle = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SourceDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Dateline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PrintedPage = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                unique: true);

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
