using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Data.Configurations;

public sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(50);
        builder.Property(p => p.IssuingBody).HasMaxLength(100);
        builder.Property(p => p.DefaultVisibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.PrintPermitNumber).HasMaxLength(50);
        builder.Property(p => p.InternalMaterialLine).HasMaxLength(50);
        builder.Property(p => p.Sponsor).HasMaxLength(100);
        builder.Property(p => p.DefaultSendTo).HasMaxLength(1000);
        builder.Property(p => p.DefaultDistributeTo).HasMaxLength(1000);
        builder.HasData(new Publication());
    }
}
