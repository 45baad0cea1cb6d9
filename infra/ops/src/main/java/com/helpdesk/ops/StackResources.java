package com.helpdesk.ops;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tool needs to know about a deployed (or local) stack: its resources by logical id with their
 * physical ids (a queue's is its URL), and per service an endpoint override (none in AWS).
 */
record StackResources(String name, List<Resource> resources, Map<String, URI> endpoints, boolean local) {
    record Resource(String logicalId, String type, String physicalId) {}

    static final String TABLE = "AWS::DynamoDB::Table";
    static final String BUS = "AWS::Events::EventBus";
    static final String BUCKET = "AWS::S3::Bucket";
    static final String QUEUE = "AWS::SQS::Queue";
    static final String SECRET = "AWS::SecretsManager::Secret";

    List<Resource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The one resource of a type the tool works with (the table, the bus); refuses a stack without it. */
    String single(String type, String preferredLogicalId) {
        List<Resource> all = ofType(type);
        Optional<Resource> preferred = all.stream().filter(r -> r.logicalId().equals(preferredLogicalId)).findFirst();
        if (preferred.isPresent()) return preferred.get().physicalId();
        if (all.size() == 1) return all.get(0).physicalId();
        throw new NotFoundException("stack " + name + " has " + (all.isEmpty() ? "no " : "several ") + type
                + (all.isEmpty() ? "" : " and none named " + preferredLogicalId));
    }

    String table() { return single(TABLE, "HelpdeskTable"); }
    String bus() { return single(BUS, "HelpdeskBus"); }
    String filesBucket() { return single(BUCKET, "MailBucket"); }

    /** A secret by its logical id (its physical id is its ARN); a stack has several. */
    String secret(String logicalId) {
        return ofType(SECRET).stream().filter(r -> r.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("stack " + name + " has no secret " + logicalId
                        + " (deployed before signing keys moved to Secrets Manager? deploy the current template first)"))
                .physicalId();
    }

    Optional<URI> endpoint(String service) {
        return Optional.ofNullable(endpoints.get(service));
    }
}
