using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Data.Configurations;

public sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(20);
        builder.Property(s => s.Slug).HasMaxLength(40).IsUnicode(false);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasData(Section.Defaults().Select((s, i) =>
        {
            s.Id = i + 1;
            return s;
        }));
    }
}
