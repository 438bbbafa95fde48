using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Newsletter.Web.Features.Admin.Dispatches;

/// <summary>
/// Signs the mail with DKIM (<c>Mail:Dkim</c>) so that the receiving government and QQ/163 servers can check it came
/// from the association's domain; without a key the mail goes unsigned. Signing is the last step before sending: a header
/// added afterwards would break the signature.
/// </summary>
public sealed class DkimSigning(IOptions<MailOptions> options)
{
    private static readonly string[] Signed =
        ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "List-Unsubscribe", "List-Unsubscribe-Post"];

    private readonly Lazy<DkimSigner?> signer = new(() => Create(options.Value.Dkim));

    public bool Enabled => options.Value.Dkim.Enabled;

    /// <summary>Prepares the body for a 7-bit transport (so no relay re-encodes it after signing) and adds DKIM-Signature.</summary>
    public void Sign(MimeMessage message)
    {
        if (signer.Value is not { } dkim)
        {
            return;
        }

        message.Prepare(EncodingConstraint.SevenBit);
        dkim.Sign(message, Signed.Where(h => h == "From" || message.Headers.Contains(h)).ToList());
    }

    private static DkimSigner? Create(DkimOptions dkim)
    {
        if (!dkim.Enabled)
        {
            return null;
        }

        try
        {
            return new DkimSigner(dkim.PrivateKeyPath!, dkim.Domain!, dkim.Selector!, DkimSignatureAlgorithm.RsaSha256)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            throw new MailDeliveryException($"无法读取 DKIM 私钥（设置 Mail:Dkim:PrivateKeyPath）“{dkim.PrivateKeyPath}”：{ex.Message}", transient: false, ex);
        }
    }
}
