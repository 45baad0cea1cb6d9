package com.helpdesk.mailses;

import com.helpdesk.core.email.OutgoingMail;
import com.helpdesk.core.port.MailSender;
import com.helpdesk.mail.MimeBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Sends with SES v2 as a raw message (so In-Reply-To, References and Reply-To are ours). SES replaces
 * the Message-ID: the one it used is {@code <messageId@region.amazonses.com>} (email.amazonses.com in
 * us-east-1), which is what the customer's client will answer to. Throttling and service errors are
 * transient (the SDK retries them with backoff first); refusals are permanent.
 */
public final class SesMailSender implements MailSender {
    private final SesV2Client ses;
    private final String region;
    private final String configurationSet;
    private final Clock clock;

    /**
     * @param region           the client's region (it names the domain of SES's Message-IDs)
     * @param configurationSet the SES configuration set to send with, or null for none
     */
    public SesMailSender(SesV2Client ses, String region, String configurationSet, Clock clock) {
        this.ses = ses;
        this.region = region;
        this.configurationSet = configurationSet;
        this.clock = clock;
    }

    @Override
    public Sent send(OutgoingMail mail) throws DeliveryFailure {
        byte[] raw = MimeBuilder.build(mail, ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC));
        try {
            var response = ses.sendEmail(b -> {
                b.content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))));
                if (configurationSet != null) b.configurationSetName(configurationSet);
            });
            String id = response.messageId();
            return new Sent(id, "<" + id + "@" + ("us-east-1".equals(region) ? "email" : region) + ".amazonses.com>");
        } catch (MessageRejectedException | MailFromDomainNotVerifiedException | AccountSuspendedException | BadRequestException
                 | NotFoundException e) {
            throw new DeliveryFailure("SES refused: " + message(e), true, e);
        } catch (SesV2Exception e) {
            throw new DeliveryFailure("SES " + e.statusCode() + ": " + message(e), false, e);
        } catch (SdkClientException e) {
            throw new DeliveryFailure("SES unreachable: " + e.getMessage(), false, e);
        }
    }

    private static String message(SesV2Exception e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
    }
}
