package com.helpdesk.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.ArrayList;
import java.util.List;

/**
 * The table's key design as the code relies on it, for tests (shipped in this module's test jar, not
 * in any function). template.yaml declares the table for AWS and the local stack, which creates it from
 * there; LocalStackIT checks the two agree.
 */
public final class TableSchema {
    public static final List<String> GSIS = List.of("GSI1", "GSI2", "GSI3");

    private TableSchema() {}

    public static CreateTableRequest createTableRequest(String tableName) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        attributes.add(attr("PK"));
        attributes.add(attr("SK"));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (String gsi : GSIS) {
            attributes.add(attr(gsi + "PK"));
            attributes.add(attr(gsi + "SK"));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(gsi)
                    .keySchema(key(gsi + "PK", KeyType.HASH), key(gsi + "SK", KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                .globalSecondaryIndexes(indexes)
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                .build();
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
