using Newsletter.Web.Domain;

namespace Newsletter.Web.Features.Editorial.Issues;

public sealed record IssueListViewModel(IReadOnlyList<Issue> Issues);

public sealed record IssueNewViewModel(IssueForm Form);

public sealed record IssueComposeViewModel(
    Issue Issue,
    IssueForm Form,
    IReadOnlyList<TocSection> Toc,
    IReadOnlyList<Article> Pool,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<WordHit> Hits,
    IReadOnlyList<Transition<Issue, IssueStatus, IssueAction>> Actions,
    IReadOnlyList<ReviewComment> Comments,
    string? WhyNotEditable,
    IReadOnlyList<Admin.Dispatches.DispatchSummary> Deliveries);
