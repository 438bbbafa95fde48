using Microsoft.EntityFrameworkCore;
using Newsletter.Web.Data;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Admin.Audit;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Sections;

/// <summary>
/// 栏目设置: add, rename, reorder, deactivate and reactivate sections, each change audited. A section that holds articles
/// is never deleted (the archive files them under it), only deactivated: it then leaves the lists of new work and
/// /sections, while published issues still show it. Saving evicts the reading pages (<c>ArchiveCacheInvalidator</c>).
/// </summary>
public sealed class SectionSettings(NewsletterDbContext db, AuditLog audit)
{
    private const string Entity = nameof(Section);

    public async Task<List<SectionRow>> RowsAsync()
    {
        var counts = await db.Articles.Where(a => a.SectionId != null).GroupBy(a => a.SectionId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return (await OrderedAsync()).Select(s => new SectionRow(s, counts.GetValueOrDefault(s.Id))).ToList();
    }

    public Task<Section?> FindAsync(int id) => db.Sections.FirstOrDefaultAsync(s => s.Id == id);

    public async Task<Outcome<Section>> AddAsync(SectionForm form, Actor actor)
    {
        var sections = await OrderedAsync();
        var name = form.Name!.Trim();
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? FreeSlug(sections) : form.Slug.Trim();
        if (Clash(sections, null, name, slug) is { } clash)
        {
            return Outcome<Section>.Refused(Outcome.Invalid(clash));
        }

        var section = new Section { Name = name, Slug = slug, Kind = form.Kind, SortOrder = sections.Select(s => s.SortOrder).DefaultIfEmpty(0).Max() + 10 };
        db.Sections.Add(section);
        var saved = await db.SaveOrConflictAsync(Taken(name));
        if (!saved.Succeeded)
        {
            return Outcome<Section>.Refused(saved);
        }

        audit.Record(actor, Entity, section.Id, "新建栏目", detail: $"{name}（{slug}）");
        await db.SaveChangesAsync();
        return Outcome.Ok(section);
    }

    public async Task<Outcome> UpdateAsync(int id, SectionForm form, Actor actor)
    {
        var sections = await OrderedAsync();
        if (sections.FirstOrDefault(s => s.Id == id) is not { } section)
        {
            return Outcome.NotFound("没有这个栏目。");
        }

        var name = form.Name!.Trim();
        var slug = string.IsNullOrWhiteSpace(form.Slug) ? section.Slug : form.Slug.Trim();
        if (Clash(sections, id, name, slug) is { } clash)
        {
            return Outcome.Invalid(clash);
        }

        var before = $"{section.Name}（{section.Slug}，{KindName(section.Kind)}）";
        (section.Name, section.Slug, section.Kind) = (name, slug, form.Kind);
        audit.Record(actor, Entity, id, "修改栏目", from: before, to: $"{name}（{slug}，{KindName(form.Kind)}）");
        return await db.SaveOrConflictAsync(Taken(name));
    }

    /// <summary>One place up (−1) or down (+1); the order is renumbered 10, 20, 30 … so later inserts fit.</summary>
    public async Task<Outcome> MoveAsync(int id, int delta, Actor actor)
    {
        var sections = await OrderedAsync();
        var index = sections.FindIndex(s => s.Id == id);
        if (index < 0)
        {
            return Outcome.NotFound("没有这个栏目。");
        }

        var section = sections[index];
        var target = Math.Clamp(index + Math.Sign(delta), 0, sections.Count - 1);
        sections.RemoveAt(index);
        sections.Insert(target, section);
        for (var i = 0; i < sections.Count; i++)
        {
            sections[i].SortOrder = (i + 1) * 10;
        }

        audit.Record(actor, Entity, id, "调整栏目顺序", detail: $"{section.Name}到第 {target + 1} 位");
        await db.SaveChangesAsync();
        return Outcome.Done;
    }

    public async Task<Outcome> SetActiveAsync(int id, bool active, Actor actor)
    {
        if (await FindAsync(id) is not { } section)
        {
            return Outcome.NotFound("没有这个栏目。");
        }

        section.IsActive = active;
        audit.Record(actor, Entity, id, active ? "启用栏目" : "停用栏目", detail: section.Name);
        await db.SaveChangesAsync();
        return Outcome.Done;
    }

    /// <summary>Only a section nothing was ever filed under can go; one with articles is deactivated instead.</summary>
    public async Task<Outcome> DeleteAsync(int id, Actor actor)
    {
        if (await FindAsync(id) is not { } section)
        {
            return Outcome.NotFound("没有这个栏目。");
        }

        if (await db.Articles.AnyAsync(a => a.SectionId == id))
        {
            return Outcome.Invalid($"“{section.Name}”下有稿件，不能删除，只能停用（停用后不再出现在栏目列表和新稿的栏目选择中，已出版的各期照旧）。");
        }

        db.Sections.Remove(section);
        audit.Record(actor, Entity, id, "删除栏目", detail: section.Name);
        await db.SaveChangesAsync();
        return Outcome.Done;
    }

    public static string KindName(SectionKind kind) => kind == SectionKind.Briefs ? "简讯（每条以●开头）" : "文章";

    private Task<List<Section>> OrderedAsync() => db.Sections.OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync();

    private static string? Clash(List<Section> sections, int? self, string name, string slug) =>
        sections.Any(s => s.Id != self && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) ? Taken(name)
        : sections.Any(s => s.Id != self && s.Slug == slug) ? $"网址名“{slug}”已被别的栏目使用，请换一个。"
        : null;

    private static string Taken(string name) => $"已有名为“{name}”的栏目，栏目名称不能重复。";

    private static string FreeSlug(List<Section> sections)
    {
        var n = sections.Count + 1;
        while (sections.Any(s => s.Slug == $"section-{n}"))
        {
            n++;
        }

        return $"section-{n}";
    }
}
