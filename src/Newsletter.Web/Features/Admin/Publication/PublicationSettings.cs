using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;

namespace Newsletter.Web.Features.Admin.Publication;

/// <summary>
/// 刊物设置: the one row every issue inherits. A save is audited with each field's before and after, and evicts the
/// reading pages and the layout's header (<c>ArchiveCacheInvalidator</c> sees the Publication change).
/// </summary>
public sealed class PublicationSettings(NewsletterDbContext db, AuditLog audit)
{
    public async Task<Domain.Publication> ReadAsync() =>
        await db.Publications.FirstOrDefaultAsync(p => p.Id == Domain.Publication.SingletonId) ?? new Domain.Publication();

    public async Task<Outcome> SaveAsync(PublicationForm form, Actor actor)
    {
        var publication = await db.Publications.FirstOrDefaultAsync(p => p.Id == Domain.Publication.SingletonId);
        if (publication is null)
        {
            publication = new Domain.Publication();
            db.Publications.Add(publication);
        }

        var before = Describe(PublicationForm.From(publication));
        form.ApplyTo(publication);
        var after = Describe(PublicationForm.From(publication));
        var changed = before.Where(b => after[b.Key] != b.Value).Select(b => $"{b.Key}：{b.Value ?? "（空）"} → {after[b.Key] ?? "（空）"}").ToList();
        if (changed.Count == 0)
        {
            return Outcome.Done;
        }

        audit.Record(actor, nameof(Domain.Publication), publication.Id, "修改刊物设置", detail: string.Join("；", changed));
        await db.SaveChangesAsync();
        return Outcome.Done;
    }

    private static Dictionary<string, string?> Describe(PublicationForm f) => new()
    {
        ["刊名"] = f.Name, ["编印单位"] = f.IssuingBody, ["主办单位"] = f.Sponsor,
        ["印内部资料字样"] = f.MarkAsInternalMaterial ? "是" : "否", ["内部资料字样"] = f.InternalMaterialLine,
        ["准印证号"] = f.PrintPermitNumber, ["默认仅会员可读"] = f.MembersOnlyByDefault ? "是" : "否",
        ["送"] = f.DefaultSendTo, ["发"] = f.DefaultDistributeTo,
    };
}
