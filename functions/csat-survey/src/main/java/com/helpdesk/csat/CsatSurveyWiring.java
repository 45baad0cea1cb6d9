package com.helpdesk.csat;

import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.keys.LegacyKeyFallback;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.RuntimeClock;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.secrets.SecretsManagerKeyRings;
import com.helpdesk.store.LegacyTableKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The survey pages' composition root: the survey service, built once at init from its configuration. */
record CsatSurveyWiring(CsatService surveys) {
    static CsatSurveyWiring fromEnvironment() {
        return build(CsatSurveyConfig.read(EnvironmentReader.lambda()), RuntimeClock.get());
    }

    static CsatSurveyWiring build(CsatSurveyConfig config, Clock clock) {
        AwsClients aws = new AwsClients(config.aws());
        DynamoDbClient dynamo = aws.build(DynamoDbClient.builder(), "DYNAMODB");
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(dynamo, config.tableName());
        // the same key ring as the ticket API's and the outbound email's, which hand the links out
        CsatToken tokens = new CsatToken(new LegacyKeyFallback(SecretsManagerKeyRings.using(aws).cached(config.csatKeysSecret(), Clock.systemUTC()),
                new LegacyTableKey(dynamo, config.tableName(), LegacyTableKey.CSAT)), clock);
        return new CsatSurveyWiring(new CsatService(repository, tokens, new UlidGenerator(clock), clock, config.csatWindow()));
    }
}
