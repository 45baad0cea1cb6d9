package com.helpdesk.runtime;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.util.Map;
import java.util.function.Function;

/**
 * Faults the local stack injects into a function's SDK client (its soak test and operators, through
 * {@code POST /_local/faults}); never installed in AWS. The switch is asked, for each attempt and each
 * completed call, what to do with this service's operation:
 * <ul>
 *   <li>{@value #THROTTLE} before an attempt is sent: the attempt fails as DynamoDB throttles
 *   (400 ProvisionedThroughputExceededException, a throttling code the SDK's retry policy backs off on),
 *   and nothing is written;</li>
 *   <li>{@value #CRASH_AFTER_WRITE} after a call succeeded: the function fails as if its process died right
 *   after the write, before it could do anything else (answer, publish, delete its message).</li>
 * </ul>
 * Only JDK types cross from the local stack's class loader: the switch is a {@link Function} of a map
 * (function: this function's name, service: its id in {@link AwsSettings#SERVICES}, phase: "attempt" or
 * "done", operation: the SDK's operation name) to a fault name, or null for none.
 */
final class LocalFaultInterceptor implements ExecutionInterceptor {
    static final String THROTTLE = "throttle";
    static final String CRASH_AFTER_WRITE = "crash-after-write";

    private final String serviceId;
    private final Function<Map<String, String>, String> faults;

    LocalFaultInterceptor(String serviceId, Function<Map<String, String>, String> faults) {
        this.serviceId = serviceId;
        this.faults = faults;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (THROTTLE.equals(ask("attempt", attributes))) {
            throw AwsServiceException.builder().statusCode(400).message("Rate of requests exceeds the allowed throughput (injected by the local stack)")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").serviceName(serviceId)
                            .errorMessage("Rate of requests exceeds the allowed throughput (injected by the local stack)")
                            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build())
                    .build();
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (CRASH_AFTER_WRITE.equals(ask("done", attributes))) {
            throw new LocalCrash(serviceId + " " + operation(attributes) + " was applied, then the function crashed (injected by the local stack)");
        }
        return context.response();
    }

    private String ask(String phase, ExecutionAttributes attributes) {
        return faults.apply(Map.of("function", LambdaEnvironment.get("AWS_LAMBDA_FUNCTION_NAME").orElse(""), "service", serviceId,
                "phase", phase, "operation", operation(attributes)));
    }

    private static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name == null ? "" : name;
    }

    /** Not an SDK exception: no retry policy or catch clause of the function mistakes it for a refusal of the write. */
    static final class LocalCrash extends Error {
        LocalCrash(String message) {
            super(message);
        }
    }
}
