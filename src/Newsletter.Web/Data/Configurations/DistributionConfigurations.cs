using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(100);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(o => o.Name).IsUnique();
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Memberships).WithOne(m => m.Organization).HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class OrganizationContactConfiguration : IEntityTypeConfiguration<OrganizationContact>
{
    public void Configure(EntityTypeBuilder<OrganizationContact> builder)
    {
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Name).HasMaxLength(50);
        builder.Property(c => c.LastBounce).HasMaxLength(500);
        builder.Ignore(c => c.Receives);
        builder.HasIndex(c => new { c.OrganizationId, c.Email }).IsUnique();
        builder.HasIndex(c => c.Email);
    }
}

public sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> builder)
    {
        builder.Property(m => m.Group).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.OrganizationId, m.Group }).IsUnique();
    }
}

public sealed class DispatchConfiguration : IEntityTypeConfiguration<Dispatch>
{
    public void Configure(EntityTypeBuilder<Dispatch> builder)
    {
        builder.Property(d => d.Subject).HasMaxLength(200);
        builder.Property(d => d.CreatedBy).HasMaxLength(50);
        builder.HasOne(d => d.Issue).WithMany().HasForeignKey(d => d.IssueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Recipients).WithOne().HasForeignKey(r => r.DispatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DispatchRecipientConfiguration : IEntityTypeConfiguration<DispatchRecipient>
{
    public void Configure(EntityTypeBuilder<DispatchRecipient> builder)
    {
        builder.Property(r => r.OrganizationName).HasMaxLength(100);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.Group).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ClaimedBy).HasMaxLength(100);
        builder.Property(r => r.LastError).HasMaxLength(1000);
        builder.Property(r => r.MessageId).HasMaxLength(250).IsUnicode(false);
        builder.HasIndex(r => r.MessageId);
        builder.HasIndex(r => new { r.Status, r.NextAttemptAt });
        builder.HasIndex(r => new { r.DispatchId, r.Email }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
