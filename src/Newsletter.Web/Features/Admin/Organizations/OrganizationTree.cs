using System.Globalization;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Organizations;

/// <summary>One organisation in tree order, with how deep it sits (0 for a root) and the root it hangs from.</summary>
public sealed record TreeItem(Organization Organization, int Depth, Organization Root);

/// <summary>The hierarchy region → city → county (and bodies) built from the parent links.</summary>
public static class OrganizationTree
{
    /// <summary>
    /// Depth first, in administrative order: the region, each city followed by its counties, then the other bodies; siblings
    /// by level (region, city, county, body), then 排序, then name in pinyin order. Anything caught in a loop of
    /// parents (which the pages refuse to make) is still listed, at the end, as a root.
    /// </summary>
    public static List<TreeItem> Flatten(IReadOnlyCollection<Organization> all)
    {
        var children = all.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value);
        var ids = all.Select(o => o.Id).ToHashSet();
        var items = new List<TreeItem>();
        var seen = new HashSet<int>();

        void Visit(Organization organization, int depth, Organization root)
        {
            if (!seen.Add(organization.Id))
            {
                return;
            }

            items.Add(new TreeItem(organization, depth, root));
            foreach (var child in Ordered(children[organization.Id]))
            {
                Visit(child, depth + 1, root);
            }
        }

        foreach (var root in Ordered(all.Where(o => o.ParentId is not { } parent || !ids.Contains(parent))))
        {
            Visit(root, 0, root);
        }

        foreach (var stray in Ordered(all.Where(o => !seen.Contains(o.Id))))
        {
            Visit(stray, 0, stray);
        }

        return items;
    }

    /// <summary>The organisation and everything below it: none of these may become its parent.</summary>
    public static HashSet<int> SelfAndDescendants(IReadOnlyCollection<Organization> all, int id)
    {
        var children = all.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
        var found = new HashSet<int> { id };
        var queue = new Queue<int>([id]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in children[next].Where(found.Add))
            {
                queue.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Names in pinyin order, as a Chinese reader expects.</summary>
    public static StringComparer NameOrder { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), CompareOptions.None);

    private static IEnumerable<Organization> Ordered(IEnumerable<Organization> organizations) =>
        organizations.OrderBy(o => o.Kind).ThenBy(o => o.SortOrder).ThenBy(o => o.Name, NameOrder);
}
