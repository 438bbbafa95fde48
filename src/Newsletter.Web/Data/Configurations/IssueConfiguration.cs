using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Data.Configurations;

public sealed class IssueConfiguration : IEntityTypeConfiguration<Issue>
{
    public void Configure(EntityTypeBuilder<Issue> builder)
    {
        builder.HasIndex(i => new { i.Year, i.IsSupplement, i.Number }).IsUnique();
        builder.HasIndex(i => i.SerialNumber).IsUnique();
        builder.HasIndex(i => new { i.Status, i.PublishedAt });
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ChiefEditor).HasMaxLength(50);
        builder.Property(i => i.Editor).HasMaxLength(50);
        builder.Property(i => i.ResponsibleEditor).HasMaxLength(50);
        builder.Property(i => i.SendTo).HasMaxLength(1000);
        builder.Property(i => i.DistributeTo).HasMaxLength(1000);
        builder.Property(i => i.SourceFile).HasMaxLength(260);
        builder.Property(i => i.OriginalSha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(i => i.OriginalName).HasMaxLength(MediaFile.MaxNameLength);
        builder.Property(i => i.WithdrawalReason).HasMaxLength(Issue.MaxWithdrawalReasonLength);
        builder.Property(i => i.ConfidentialityReviewedBy).HasMaxLength(50);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasMany(i => i.Articles).WithOne(a => a.Issue)
            .HasForeignKey(a => a.IssueId).OnDelete(DeleteBehavior.Restrict);
    }
}
