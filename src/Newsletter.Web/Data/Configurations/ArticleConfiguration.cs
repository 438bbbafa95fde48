using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Data.Configurations;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Article.MaxTitleLength);
        builder.Property(a => a.AttributionOrganization).HasMaxLength(100);
        builder.Property(a => a.Correspondents).HasMaxLength(200);
        builder.Property(a => a.AuthorName).HasMaxLength(50);
        builder.Property(a => a.AuthorTitle).HasMaxLength(100);
        builder.Property(a => a.SourceKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.SourceName).HasMaxLength(100);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CreatedByName).HasMaxLength(50);
        builder.HasIndex(a => new { a.Status, a.CreatedById });
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Section).WithMany()
            .HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.IssueId, a.SectionId, a.Position });
        builder.Ignore(a => a.CorrespondentList);
        builder.Ignore(a => a.AttributionLine);
        builder.Ignore(a => a.SourceLine);
    }
}
