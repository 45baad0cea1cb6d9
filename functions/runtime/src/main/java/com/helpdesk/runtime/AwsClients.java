package com.helpdesk.runtime;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Builds SDK clients once, at init, the same way for every function: the url-connection HTTP client
 * (small, fast cold start), the region from AWS_REGION, and endpoints from the standard
 * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_&lt;SERVICE&gt; variables, read through {@link LambdaEnvironment}
 * so that the local stack (or a LocalStack instance, or a real account) can be targeted.
 */
public final class AwsClients {
    private AwsClients() {}

    /**
     * @param serviceId the service's id as used in AWS_ENDPOINT_URL_&lt;SERVICE&gt;, e.g. "DYNAMODB",
     *                  "SQS", "EVENTBRIDGE", "SESV2", "S3"
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String serviceId) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10)));
        region().ifPresent(builder::region);
        endpoint(serviceId).ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials());
        return builder.build();
    }

    public static java.util.Optional<Region> region() {
        return LambdaEnvironment.get("AWS_REGION").or(() -> LambdaEnvironment.get("AWS_DEFAULT_REGION")).map(Region::of);
    }

    /** The endpoint override for a service, if the environment names one. */
    public static java.util.Optional<URI> endpoint(String serviceId) {
        return LambdaEnvironment.get("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT))
                .or(() -> LambdaEnvironment.get("AWS_ENDPOINT_URL")).map(URI::create);
    }

    /** Static keys when the environment holds long-term ones (the local stack), else the default chain. */
    public static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials() {
        var key = LambdaEnvironment.get("AWS_ACCESS_KEY_ID");
        var secret = LambdaEnvironment.get("AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent() && LambdaEnvironment.get("AWS_SESSION_TOKEN").isEmpty()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
