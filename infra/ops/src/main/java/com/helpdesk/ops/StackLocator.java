package com.helpdesk.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds a stack's resources: from CloudFormation (--stack) or from the local stack's /_local/endpoints (--local). */
final class StackLocator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StackLocator() {}

    /** Every resource of a deployed stack, paged through ListStackResources. */
    static StackResources aws(CloudFormationClient cloudFormation, String stackName, URI endpointOverride) {
        List<StackResources.Resource> resources = new ArrayList<>();
        try {
            for (StackResourceSummary r : cloudFormation.listStackResourcesPaginator(b -> b.stackName(stackName)).stackResourceSummaries()) {
                if (r.physicalResourceId() != null) {
                    resources.add(new StackResources.Resource(r.logicalResourceId(), r.resourceType(), r.physicalResourceId()));
                }
            }
        } catch (CloudFormationException e) {
            if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
                throw new NotFoundException("stack " + stackName + " does not exist in this account and region");
            }
            throw e;
        }
        Map<String, URI> endpoints = new LinkedHashMap<>();
        if (endpointOverride != null) {
            for (String s : List.of("dynamodb", "sqs", "eventbridge", "s3", "secretsmanager")) endpoints.put(s, endpointOverride);
        }
        return new StackResources(stackName, resources, endpoints, false);
    }

    /** The local stack tells where its services listen and what it created, at GET /_local/endpoints. */
    static StackResources local(String baseUrl) {
        JsonNode body = getLocal(baseUrl, "/_local/endpoints");
        Map<String, URI> endpoints = new LinkedHashMap<>();
        for (String s : List.of("dynamodb", "sqs", "eventbridge", "s3", "secretsmanager")) {
            if (body.hasNonNull(s)) endpoints.put(s, URI.create(body.get(s).asText()));
        }
        List<StackResources.Resource> resources = new ArrayList<>();
        for (JsonNode r : body.path("resources")) {
            resources.add(new StackResources.Resource(r.path("logicalId").asText(), r.path("type").asText(), r.path("physicalId").asText()));
        }
        return new StackResources("local", resources, endpoints, true);
    }

    /** The local stack's business clock (GET /_local/clock), which its functions judge grace deadlines by; tests move it. */
    static java.time.Instant localNow(String baseUrl) {
        JsonNode body = getLocal(baseUrl, "/_local/clock");
        try {
            return java.time.Instant.parse(body.path("now").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new NotFoundException(baseUrl + "/_local/clock did not answer an instant: is this the Helpdesk local stack?");
        }
    }

    /** The local bus's log: every event put on it, oldest first ({@code [{"event": {...}, ...}]}). */
    static JsonNode localEvents(String baseUrl) {
        return getLocal(baseUrl, "/_local/events");
    }

    private static JsonNode getLocal(String baseUrl, String path) {
        String url = baseUrl.replaceAll("/+$", "") + path;
        JsonNode body;
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new NotFoundException(url + " answered " + response.statusCode() + ": is this the Helpdesk local stack?");
            }
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new NotFoundException("cannot reach the local stack at " + url + " (" + why + "): is it running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotFoundException("interrupted while asking " + url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--local must be a URL such as http://localhost:3000, not " + baseUrl);
        }
        return body;
    }
}
