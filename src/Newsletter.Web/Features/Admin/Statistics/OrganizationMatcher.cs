using System.Text.RegularExpressions;
using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Admin.Statistics;

/// <summary>
/// Finds the organisation in the tree that a printed 署名单位 names, and the chain above it. Names are compared without
/// spaces and without the association's suffix (计生协, 计划生育协会…), and also with the parent's name in front, so that
/// 桂林市叠彩区计生协 finds 叠彩区计生协 under 桂林市计生协. A name two organisations share is left unmatched.
/// </summary>
public sealed partial class OrganizationMatcher
{
    private readonly Dictionary<string, int?> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Organization> byId;

    public OrganizationMatcher(IReadOnlyCollection<Organization> organizations)
    {
        byId = organizations.ToDictionary(o => o.Id);
        foreach (var organization in organizations)
        {
            var own = Core(organization.Name);
            Add(own, organization.Id);
            if (organization.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent))
            {
                var parentCore = Core(parent.Name);
                if (!own.StartsWith(parentCore, StringComparison.Ordinal))
                {
                    Add(parentCore + own, organization.Id);
                }
            }
        }
    }

    /// <summary>The organisation the attribution names, or null.</summary>
    public Organization? Find(string? attribution) =>
        attribution is null || !byKey.TryGetValue(Core(attribution), out var id) || id is null ? null : byId[id.Value];

    /// <summary>The organisation, its parent, and so on up to the root (each once, even if the parents loop).</summary>
    public IEnumerable<Organization> SelfAndAncestors(Organization organization)
    {
        var seen = new HashSet<int>();
        for (Organization? next = organization; next is not null && seen.Add(next.Id);
             next = next.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent : null)
        {
            yield return next;
        }
    }

    /// <summary>A person's or organisation's name without any spaces: 刘 名 and 刘名 are one person.</summary>
    public static string WithoutSpaces(string name) => Spaces().Replace(name, "");

    /// <summary>The name compared: no spaces, no brackets, no association suffix.</summary>
    public static string Core(string name)
    {
        var core = WithoutSpaces(name).Trim('（', '）', '(', ')');
        var suffix = Suffix().Match(core);
        return suffix.Success && suffix.Index > 0 ? core[..suffix.Index] : core;
    }

    private void Add(string key, int id)
    {
        if (key.Length == 0)
        {
            return;
        }

        // A key two organisations share matches neither of them.
        byKey[key] = byKey.TryGetValue(key, out var existing) && existing != id ? null : id;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("(计划生育协会|计生协会|计生协)$")]
    private static partial Regex Suffix();
}
