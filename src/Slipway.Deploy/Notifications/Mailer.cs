using System.Net;
using System.Net.Mail;

namespace Slipway.Deploy.Notifications;

/// <summary>E-mail through the configured SMTP server (System.Net.Mail).</summary>
internal static class Mailer
{
    public static async Task SendAsync(NotificationSettings settings, IReadOnlyList<string> to, string subject, string body)
    {
        using var message = new MailMessage { From = new MailAddress(settings.SmtpFrom), Subject = subject, Body = body };
        foreach (var address in to) message.To.Add(address);
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpSsl };
        if (settings.SmtpUser is not null) client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        await client.SendMailAsync(message);
    }
}
