using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Newsletter.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MailingListTrust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ContactLimit",
                table: "Organizations",
                type: "int",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<int>(
                name: "HardBounces",
                table: "OrganizationContacts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastBounce",
                table: "OrganizationContacts",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastBounceAt",
                table: "OrganizationContacts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StoppedAt",
                table: "OrganizationContacts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UnsubscribedAt",
                table: "OrganizationContacts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageId",
                table: "DispatchRecipients",
                type: "varchar(250)",
                unicode: false,
                maxLength: 250,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationContacts_Email",
                table: "OrganizationContacts",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchRecipients_MessageId",
                table: "DispatchRecipients",
                column: "MessageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrganizationContacts_Email",
                table: "OrganizationContacts");

            migrationBuilder.DropIndex(
                name: "IX_DispatchRecipients_MessageId",
                table: "DispatchRecipients");

            migrationBuilder.DropColumn(
                name: "ContactLimit",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "HardBounces",
                table: "OrganizationContacts");

            migrationBuilder.DropColumn(
                name: "LastBounce",
                table: "OrganizationContacts");

            migrationBuilder.DropColumn(
                name: "LastBounceAt",
                table: "OrganizationContacts");

            migrationBuilder.DropColumn(
                name: "StoppedAt",
                table: "OrganizationContacts");

            migrationBuilder.DropColumn(
                name: "UnsubscribedAt",
                table: "OrganizationContacts");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "DispatchRecipients");
        }
    }
}
