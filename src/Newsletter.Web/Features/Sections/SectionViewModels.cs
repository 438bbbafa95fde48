using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Sections;

public sealed record SectionPageViewModel(
    Section Section, IReadOnlyList<Section> Sections, IReadOnlyList<Article> Articles, int Page, int TotalPages, int Total);

public sealed record SectionsViewModel(IReadOnlyList<Section> Sections);
