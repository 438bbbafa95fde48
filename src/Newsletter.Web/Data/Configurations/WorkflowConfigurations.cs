using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Account;

namespace Newsletter.Web.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(50);
        builder.Property(u => u.OrganizationName).HasMaxLength(100);
        builder.Property(u => u.MutedNotifications).HasMaxLength(200).IsUnicode(false);
        builder.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.AuthorName).HasMaxLength(50);
        builder.Property(r => r.Note).HasMaxLength(200);
        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.Property(c => c.AuthorName).HasMaxLength(50);
        builder.Property(c => c.Body).HasMaxLength(2000);
        builder.Property(c => c.Action).HasMaxLength(50);
        builder.HasIndex(c => c.ArticleId);
        builder.HasIndex(c => c.IssueId);
        builder.HasOne<Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Issue>().WithMany().HasForeignKey(c => c.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.Property(c => c.ByName).HasMaxLength(50);
        builder.HasOne<Article>().WithMany(a => a.Corrections).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IssueCorrectionConfiguration : IEntityTypeConfiguration<IssueCorrection>
{
    public void Configure(EntityTypeBuilder<IssueCorrection> builder)
    {
        builder.Property(c => c.Field).HasMaxLength(20);
        builder.Property(c => c.Before).HasMaxLength(1000);
        builder.Property(c => c.After).HasMaxLength(1000);
        builder.Property(c => c.Note).HasMaxLength(IssueCorrection.MaxNoteLength);
        builder.Property(c => c.ByName).HasMaxLength(50);
        builder.HasOne<Issue>().WithMany(i => i.Corrections).HasForeignKey(c => c.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SensitiveWordConfiguration : IEntityTypeConfiguration<SensitiveWord>
{
    public void Configure(EntityTypeBuilder<SensitiveWord> builder)
    {
        builder.Property(w => w.Word).HasMaxLength(50);
        builder.Property(w => w.Suggestion).HasMaxLength(50);
        builder.HasIndex(w => w.Word).IsUnique();
    }
}

/// <summary>The search's synonyms, seeded with the association's usual abbreviations (an administrator edits them).</summary>
public sealed class SearchSynonymConfiguration : IEntityTypeConfiguration<SearchSynonym>
{
    public void Configure(EntityTypeBuilder<SearchSynonym> builder)
    {
        builder.Property(s => s.Words).HasMaxLength(SearchSynonym.MaxLength);
        builder.HasData(
            new SearchSynonym { Id = 1, Words = "计生协=计划生育协会=计生协会" },
            new SearchSynonym { Id = 2, Words = "卫健委=卫生健康委员会=卫生健康委" },
            new SearchSynonym { Id = 3, Words = "卫健局=卫生健康局" },
            new SearchSynonym { Id = 4, Words = "自治区=广西壮族自治区" },
            new SearchSynonym { Id = 5, Words = "计生=计划生育" },
            new SearchSynonym { Id = 6, Words = "三孩政策=三孩生育政策" });
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserName).HasMaxLength(100);
        builder.Property(a => a.EntityType).HasMaxLength(50);
        builder.Property(a => a.EntityId).HasMaxLength(50);
        builder.Property(a => a.Action).HasMaxLength(50);
        builder.Property(a => a.FromStatus).HasMaxLength(50);
        builder.Property(a => a.ToStatus).HasMaxLength(50);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.UserName);
    }
}

public sealed class SearchOutboxEntryConfiguration : IEntityTypeConfiguration<SearchOutboxEntry>
{
    public void Configure(EntityTypeBuilder<SearchOutboxEntry> builder)
    {
        builder.ToTable("SearchOutbox");
        builder.HasOne(e => e.Issue).WithMany().HasForeignKey(e => e.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}
