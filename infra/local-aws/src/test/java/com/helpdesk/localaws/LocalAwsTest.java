package com.helpdesk.localaws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both emulators in one JVM, driven by the real SDK clients the functions use. */
class LocalAwsTest {
    private static final StaticCredentialsProvider CREDS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    @Test
    void dynamoDbLocalAndElasticMqServeTheSdkSideBySide() {
        try (DynamoDbLocal dynamo = DynamoDbLocal.start(0); ElasticMq sqs = ElasticMq.start(0);
             DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(CREDS).httpClient(UrlConnectionHttpClient.create()).build();
             SqsClient queue = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(CREDS).httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(dynamo.port()).isNotEqualTo(sqs.port());
            ddb.createTable(b -> b.tableName("things").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build()));
            ddb.putItem(b -> b.tableName("things").item(Map.of("PK", AttributeValue.fromS("a"), "v", AttributeValue.fromS("1"))));
            assertThat(ddb.getItem(b -> b.tableName("things").key(Map.of("PK", AttributeValue.fromS("a")))).item().get("v").s())
                    .isEqualTo("1");

            String url = queue.createQueue(b -> b.queueName("q")).queueUrl();
            queue.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
            assertThat(queue.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages())
                    .singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("hello"));
        }
    }
}
