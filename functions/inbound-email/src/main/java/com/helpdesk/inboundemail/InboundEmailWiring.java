package com.helpdesk.inboundemail;

import com.helpdesk.core.email.EmailIntake;
import com.helpdesk.core.email.MailReception;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.keys.LegacyKeyFallback;
import com.helpdesk.files.S3FileStore;
import com.helpdesk.mail.MimeParser;
import com.helpdesk.queue.SqsInboundQueue;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.secrets.SecretsManagerKeyRings;
import com.helpdesk.store.DynamoDbSenderRate;
import com.helpdesk.store.LegacyTableKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.List;

/** The email intake's composition root: storage, queue and the reception, built once at init from its configuration. */
/** {@code primer}: the SnapStart priming of the decoders (InboundEmailPriming). */
record InboundEmailWiring(MailReception reception, String rawMailPrefix, Runnable primer) {
    static InboundEmailWiring fromEnvironment() {
        return build(InboundEmailConfig.read(EnvironmentReader.lambda()));
    }

    static InboundEmailWiring build(InboundEmailConfig config) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        // the same key ring as the outbound email's, which hands the reply addresses out
        ReplyAddress replies = new ReplyAddress(new LegacyKeyFallback(
                SecretsManagerKeyRings.using(aws).cached(config.replyKeysSecret(), java.time.Clock.systemUTC()),
                new LegacyTableKey(dynamo, config.tableName(), LegacyTableKey.REPLY_ADDRESS)), RuntimeClock.get(), config.supportAddress());
        S3FileStore files = S3FileStore.using(aws, config.filesBucket());
        SqsInboundQueue queue = new SqsInboundQueue(aws.build(SqsClient.builder(), "SQS"), config.inboundQueueUrl().toString());
        EmailIntake intake = new EmailIntake(replies, List.of(config.supportAddress()));
        MailReception reception = new MailReception(files, new MimeParser(), files, queue, new DynamoDbSenderRate(dynamo, config.tableName()),
                intake, config.floodLimitPerHour());
        return new InboundEmailWiring(reception, config.rawMailPrefix(), () -> InboundEmailPriming.prime(intake, config.rawMailPrefix()));
    }
}
