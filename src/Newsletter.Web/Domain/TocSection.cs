namespace Newsletter.Web.Domain;

/// <summary>One section of an issue's 目录, with its items in order (<see cref="Issue.TableOfContents"/>).</summary>
public sealed record TocSection(Section Section, IReadOnlyList<Article> Articles);
