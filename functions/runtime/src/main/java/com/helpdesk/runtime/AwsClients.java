package com.helpdesk.runtime;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds SDK clients once, at init, the same way for every function: the url-connection HTTP client
 * (small, fast cold start), the region, endpoint overrides and credentials of {@link AwsSettings}.
 */
public final class AwsClients {
    /** The local stack's fault switch ({@link LocalFaultInterceptor}); null in AWS. */
    private static volatile Function<Map<String, String>, String> localFaults;
    private final AwsSettings settings;

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
    }

    /**
     * @param serviceId the service's id as used in AWS_ENDPOINT_URL_&lt;SERVICE&gt;, one of {@link AwsSettings#SERVICES}
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String serviceId) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10)));
        builder.region(settings.region());
        endpoint(serviceId).ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials());
        Function<Map<String, String>, String> faults = localFaults;
        if (faults != null) builder.overrideConfiguration(c -> c.addExecutionInterceptor(new LocalFaultInterceptor(serviceId, faults)));
        return builder.build();
    }

    static void installLocalFaults(Function<Map<String, String>, String> faults) {
        localFaults = faults;
    }

    public AwsSettings settings() {
        return settings;
    }

    /** The endpoint override for a service, if the environment names one. */
    public Optional<java.net.URI> endpoint(String serviceId) {
        return settings.endpoint(serviceId);
    }

    /** Static keys when the environment holds long-term ones (the local stack), else the default chain. */
    public AwsCredentialsProvider credentials() {
        return settings.staticCredentials().<AwsCredentialsProvider>map(StaticCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
