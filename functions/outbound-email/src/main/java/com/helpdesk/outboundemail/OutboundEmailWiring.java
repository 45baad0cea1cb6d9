package com.helpdesk.outboundemail;

import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.email.SurveyLinks;
import com.helpdesk.core.email.EmailNotices;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.keys.LegacyKeyFallback;
import com.helpdesk.core.email.EmailReplyTransport;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.core.port.OperationalMetrics;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.mailses.SesMailSender;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.CloudWatchMetrics;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.secrets.SecretsManagerKeyRings;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.LegacyTableKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import com.helpdesk.runtime.Lazy;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;

/** The outbound email's composition root: store, SES, the reply sender and the notices, built once at init. */
record OutboundEmailWiring(OutboundDelivery sender, EmailNotices notices, QueueBackoff backoff, OperationalMetrics metrics) {
    static OutboundEmailWiring fromEnvironment() {
        return build(OutboundEmailConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static OutboundEmailWiring build(OutboundEmailConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(dynamo, config.tableName());
        UlidGenerator ids = new UlidGenerator(clock);
        TicketDesk tickets = TicketDesk.wire(repository, ids, clock);
        SesMailSender ses = new SesMailSender(aws.build(SesV2Client.builder(), "SESV2"), config.aws().region().id(),
                config.sesConfigurationSet().orElse(null), clock);
        // key caches age in real time, not on the local stack's movable clock
        SecretsManagerKeyRings keys = SecretsManagerKeyRings.using(aws);
        ReplyAddress replies = new ReplyAddress(new LegacyKeyFallback(keys.cached(config.replyKeysSecret(), Clock.systemUTC()),
                new LegacyTableKey(dynamo, config.tableName(), LegacyTableKey.REPLY_ADDRESS)), clock, config.supportAddress());
        CsatService surveys = new CsatService(repository, new CsatToken(new LegacyKeyFallback(
                        keys.cached(config.csatKeysSecret(), Clock.systemUTC()), new LegacyTableKey(dynamo, config.tableName(), LegacyTableKey.CSAT)), clock),
                ids, clock, config.csatWindow());
        OutboundDelivery sender = new OutboundDelivery(repository, tickets.deliveries(), new EmailReplyTransport(ses, replies,
                config.supportAddress(), config.supportTeamName(), new SurveyLinks(surveys, config.publicApiUrl().toString())), config.maxSendAttempts());
        EmailNotices notices = new EmailNotices(tickets.queries(), tickets.commands(), surveys, config.publicApiUrl().toString(), config.supportTeamName(),
                config.acknowledgeNewEmail());
        return new OutboundEmailWiring(sender, notices, new QueueBackoff(Lazy.of(() -> aws.build(SqsClient.builder(), "SQS"))), CloudWatchMetrics.of(config.metrics()));
    }
}
