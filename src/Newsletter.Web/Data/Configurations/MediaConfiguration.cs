using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Data.Configurations;

public sealed class MediaConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("MediaFiles");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.Property(m => m.OriginalName).HasMaxLength(MediaFile.MaxNameLength);
        builder.Property(m => m.ContentType).HasMaxLength(100).IsUnicode(false);
        builder.Property(m => m.Extension).HasMaxLength(10).IsUnicode(false);
        builder.Property(m => m.Variants).HasMaxLength(100).IsUnicode(false);
        builder.Property(m => m.Caption).HasMaxLength(MediaFile.MaxCaptionLength);
        builder.Property(m => m.Alt).HasMaxLength(MediaFile.MaxCaptionLength);
        builder.Property(m => m.UploadedById).HasMaxLength(450);
        builder.Property(m => m.UploadedByName).HasMaxLength(50);
        builder.HasOne(m => m.Article).WithMany()
            .HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ArticleId, m.Kind });
        builder.HasIndex(m => m.Sha256);
        builder.Ignore(m => m.VariantNames);
        builder.Ignore(m => m.Path);
        builder.Ignore(m => m.Markdown);
    }
}
