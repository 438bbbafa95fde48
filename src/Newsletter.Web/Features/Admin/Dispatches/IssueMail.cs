using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using Newsletter.Web.Domain;
using Newsletter.Web.Features.Shared;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// The mail announcing an issue: subject 工作通讯 2023年第2期(总第65期), its 目录 with links and each article's lead
/// picture under its title, HTML and text.
/// </summary>
public sealed class IssueMail(string subject, string html, string text, IReadOnlyList<MailPicture> embedded)
{
    public string Subject { get; } = subject;

    public static IssueMail For(
        Issue issue, Domain.Publication publication, string portalUrl, IReadOnlyDictionary<int, MailPicture>? pictures = null, string? contactLine = null)
    {
        pictures ??= new Dictionary<int, MailPicture>();
        var baseUrl = portalUrl.TrimEnd('/');
        var toc = issue.TableOfContents();
        var subject = $"{publication.Name} {issue.FullLabel}";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:'Noto Serif CJK SC',SimSun,serif;max-width:40em\">")
            .Append("<h1 style=\"color:#c8161d;letter-spacing:.3em\">").Append(Encode(publication.Name)).Append("</h1>")
            .Append("<p>").Append(Encode(issue.FullLabel)).Append(" · ").Append(Encode(publication.IssuingBody)).Append("</p>")
            .Append("<p><a href=\"").Append(baseUrl).Append(ArchiveUrls.Issue(issue)).Append("\">在线阅读本期</a></p><h2>目录</h2>");
        var text = new StringBuilder()
            .AppendLine(subject).AppendLine(publication.IssuingBody).AppendLine()
            .AppendLine("在线阅读本期：" + baseUrl + ArchiveUrls.Issue(issue)).AppendLine().AppendLine("目录");
        foreach (var section in toc)
        {
            html.Append("<h3>").Append(Encode(section.Section.Name)).Append("</h3><ul>");
            text.AppendLine().AppendLine(section.Section.Name);
            foreach (var article in section.Articles)
            {
                var url = baseUrl + ArchiveUrls.Article(article);
                html.Append("<li><a href=\"").Append(url).Append("\">").Append(Encode(article.Title)).Append("</a>");
                if (pictures.TryGetValue(article.Id, out var picture))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<br><img src=\"{Encode(picture.Src)}\" width=\"{picture.Width}\" height=\"{picture.Height}\"")
                        .Append(" alt=\"").Append(Encode(picture.Alt)).Append('"')
                        .Append(" style=\"display:block;max-width:100%;height:auto;margin:.5em 0 1em;border:0\">");
                }

                html.Append("</li>");
                text.Append("  ").Append(article.Title).Append("  ").AppendLine(url);
            }

            html.Append("</ul>");
        }

        html.Append("<p style=\"color:#666\">本邮件由").Append(Encode(publication.IssuingBody)).Append("工作通讯门户发送。");
        text.AppendLine().Append("本邮件由").Append(publication.IssuingBody).AppendLine("工作通讯门户发送。");
        if (!string.IsNullOrWhiteSpace(contactLine))
        {
            html.Append("<br>").Append(Encode(contactLine.Trim()));
            text.AppendLine(contactLine.Trim());
        }

        html.Append("</p>");
        var embedded = pictures.Values.Where(p => p.ContentId is not null).DistinctBy(p => p.ContentId).ToList();
        return new IssueMail(subject, html.ToString(), text.ToString(), embedded);
    }

    /// <summary>A new Message-ID for a recipient's mail, e.g. dispatch-3-r41.9f2c07a1be34@gxjsx.org.cn (without angle brackets).</summary>
    public static string NewMessageId(DispatchRecipient recipient, string domain) =>
        string.Create(CultureInfo.InvariantCulture, $"dispatch-{recipient.DispatchId}-r{recipient.Id}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}@{domain}");

    /// <param name="unsubscribeUrl">The recipient's own link (https://…/unsubscribe/{token}); none in the benchmark.</param>
    /// <param name="preface">A line above the masthead (the test mail says whom it went to); none in the issue's own mail.</param>
    public MimeMessage ToMessage(string from, DispatchRecipient recipient, string? unsubscribeUrl = null, string? preface = null)
    {
        if (!MailboxAddress.TryParse(from, out var sender))
        {
            throw new MailDeliveryException($"发件人地址（设置 Mail:From）“{from}”不是有效的邮件地址，请管理员改正设置后重发。", transient: false);
        }

        var message = new MimeMessage();
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(recipient.OrganizationName, recipient.Email));
        message.Subject = Subject;
        message.Headers.Add("X-Newsletter-Recipient", recipient.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The Message-ID the worker stored for this recipient (on the portal's domain): a bounce report quotes it back.
        if (recipient.MessageId is { Length: > 0 } messageId)
        {
            message.MessageId = messageId;
        }

        // Unsubscribe (RFC 2369, RFC 8058 one-click): the personal link in both parts and in the headers.
        var htmlBody = html;
        var textBody = text;
        if (preface is not null)
        {
            var masthead = htmlBody.IndexOf("<h1", StringComparison.Ordinal);
            htmlBody = htmlBody.Insert(masthead, $"<p style=\"background:#fff3cd;padding:.5em\">{Encode(preface)}</p>");
            textBody = preface + "\n\n" + textBody;
        }

        if (unsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            htmlBody += $"<p style=\"color:#666\">不想再收到工作通讯？<a href=\"{Encode(unsubscribeUrl)}\">退订</a>（只对本邮箱 {Encode(recipient.Email)} 有效）。</p>";
            textBody += $"不想再收到工作通讯？退订（只对本邮箱 {recipient.Email} 有效）：{unsubscribeUrl}\n";
        }

        var body = new BodyBuilder { HtmlBody = htmlBody + "</body></html>", TextBody = textBody };
        foreach (var picture in embedded)
        {
            var part = body.LinkedResources.Add(picture.ContentId!, picture.Content!, ContentType.Parse(picture.ContentType));
            part.ContentId = picture.ContentId;
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
