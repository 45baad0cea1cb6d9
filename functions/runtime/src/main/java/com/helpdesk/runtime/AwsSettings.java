package com.helpdesk.runtime;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SDK settings Lambda (or the local stack) puts in every function's environment: the region, the
 * standard AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_&lt;SERVICE&gt; overrides (the local stack, LocalStack, or
 * another account), and long-term keys when there is no session (the local stack). These are not
 * template.yaml's to set, so they are read apart from each function's own variables.
 *
 * @param staticCredentials keys to use as they are; empty: the SDK's default chain (Lambda's role)
 * @param xrayTracing       running in Lambda with active tracing (Lambda sets AWS_XRAY_DAEMON_ADDRESS only then):
 *                          each SDK call becomes a subsegment. Never in the local stack, which has no daemon.
 */
public record AwsSettings(Region region, Map<String, URI> endpoints, Optional<AwsBasicCredentials> staticCredentials,
                          boolean xrayTracing) {
    /** The services the functions call, by their AWS_ENDPOINT_URL_&lt;SERVICE&gt; ids. */
    public static final List<String> SERVICES = List.of("DYNAMODB", "SQS", "EVENTBRIDGE", "SESV2", "S3", "SSM", "SECRETSMANAGER");

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final String REGION_EXPECTED = "an AWS region such as us-east-1";
    private static final String ENDPOINT_EXPECTED = "an http(s) endpoint URL";

    public AwsSettings {
        endpoints = Map.copyOf(endpoints);
    }

    /** Settings without X-Ray tracing (the local stack, tests). */
    public AwsSettings(Region region, Map<String, URI> endpoints, Optional<AwsBasicCredentials> staticCredentials) {
        this(region, endpoints, staticCredentials, false);
    }

    public static AwsSettings read(EnvironmentReader env) {
        boolean onlyDefault = env.optionalText("AWS_REGION").isEmpty() && env.optionalText("AWS_DEFAULT_REGION").isPresent();
        String region = env.matching(onlyDefault ? "AWS_DEFAULT_REGION" : "AWS_REGION", REGION, REGION_EXPECTED);
        Optional<URI> shared = env.optionalHttpUrl("AWS_ENDPOINT_URL", ENDPOINT_EXPECTED);
        Map<String, URI> endpoints = new LinkedHashMap<>();
        for (String service : SERVICES) {
            env.optionalHttpUrl("AWS_ENDPOINT_URL_" + service, ENDPOINT_EXPECTED).or(() -> shared)
                    .ifPresent(uri -> endpoints.put(service, uri));
        }
        Optional<String> key = env.optionalText("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.optionalText("AWS_SECRET_ACCESS_KEY");
        boolean session = env.optionalText("AWS_SESSION_TOKEN").isPresent();
        Optional<AwsBasicCredentials> keys = key.isPresent() && secret.isPresent() && !session
                ? Optional.of(AwsBasicCredentials.create(key.get(), secret.get())) : Optional.empty();
        boolean tracing = env.optionalText("AWS_LAMBDA_FUNCTION_NAME").isPresent()
                && env.optionalText("AWS_XRAY_DAEMON_ADDRESS").isPresent();
        return new AwsSettings(region == null ? null : Region.of(region), endpoints, keys, tracing);
    }

    /** The endpoint override of a service, if the environment names one. */
    public Optional<URI> endpoint(String serviceId) {
        String id = serviceId.toUpperCase(Locale.ROOT);
        if (!SERVICES.contains(id)) throw new IllegalArgumentException("not one of AwsSettings.SERVICES: " + serviceId);
        return Optional.ofNullable(endpoints.get(id));
    }
}
