package com.helpdesk.runtime;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.LogErrorContextMissingStrategy;

import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds SDK clients once, at init, the same way for every function: the url-connection HTTP client
 * (small, fast cold start), the region, endpoint overrides and credentials of {@link AwsSettings}, and,
 * in Lambda with active tracing, X-Ray's interceptor, so a trace shows each DynamoDB, SQS, SES, S3,
 * SSM and EventBridge call.
 */
public final class AwsClients {
    /** The local stack's fault switch ({@link LocalFaultInterceptor}); null in AWS. */
    private static volatile Function<Map<String, String>, String> localFaults;
    private static boolean recorderConfigured;

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
        // one override configuration with every interceptor (a second overrideConfiguration call would replace the first)
        List<ExecutionInterceptor> interceptors = new ArrayList<>();
        Function<Map<String, String>, String> faults = localFaults;
        if (faults != null) interceptors.add(new LocalFaultInterceptor(serviceId, faults));
        if (settings.xrayTracing()) {
            configureRecorder();
            interceptors.add(new TracingInterceptor());
        }
        if (!interceptors.isEmpty()) builder.overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor));
        return builder.build();
    }

    static void installLocalFaults(Function<Map<String, String>, String> faults) {
        localFaults = faults;
    }

    /**
     * A call made outside an invocation (at init, or SnapStart's priming) has no segment to attach to:
     * the recorder's default would throw and fail the call; this one logs and lets the call go on.
     */
    private static synchronized void configureRecorder() {
        if (recorderConfigured) return;
        AWSXRay.setGlobalRecorder(AWSXRayRecorderBuilder.standard()
                .withContextMissingStrategy(new LogErrorContextMissingStrategy()).build());
        recorderConfigured = true;
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
