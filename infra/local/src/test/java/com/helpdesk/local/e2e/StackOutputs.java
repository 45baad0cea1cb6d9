package com.helpdesk.local.e2e;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A deployed stack as the journeys find it: its outputs (ApiUrl, MailBucketName, EventBusName, AuthDomain,
 * ...) and, for what template.yaml does not output, the physical id of a resource by its logical id.
 */
final class StackOutputs {
    /** The statuses of a stack that is up (CloudFormation API reference, Stack.StackStatus). */
    private static final Set<StackStatus> USABLE = Set.of(StackStatus.CREATE_COMPLETE, StackStatus.UPDATE_COMPLETE,
            StackStatus.UPDATE_ROLLBACK_COMPLETE, StackStatus.IMPORT_COMPLETE, StackStatus.IMPORT_ROLLBACK_COMPLETE);

    private final CloudFormationClient cloudFormation;
    private final String stackName;
    private final Map<String, String> outputs;

    private StackOutputs(CloudFormationClient cloudFormation, String stackName, Map<String, String> outputs) {
        this.cloudFormation = cloudFormation;
        this.stackName = stackName;
        this.outputs = outputs;
    }

    /** Reads the stack once (DescribeStacks); an unknown stack or one that is not up is refused with what to check. */
    static StackOutputs describe(CloudFormationClient cloudFormation, String stackName) {
        Stack stack;
        try {
            stack = cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks().stream().findFirst()
                    .orElseThrow(() -> notFound(stackName));
        } catch (CloudFormationException e) {
            if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) throw notFound(stackName);
            throw e;
        }
        if (!USABLE.contains(stack.stackStatus())) {
            throw new IllegalStateException("stack " + stackName + " is " + stack.stackStatusAsString()
                    + ": the deployed tier needs a stack whose last deployment completed");
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output o : stack.outputs()) outputs.put(o.outputKey(), o.outputValue());
        return new StackOutputs(cloudFormation, stackName, outputs);
    }

    private static IllegalStateException notFound(String stackName) {
        return new IllegalStateException("stack " + stackName + " does not exist in this account and region"
                + " (check -Dstack, AWS_REGION or -Daws.region, and the credentials' account)");
    }

    String stackName() {
        return stackName;
    }

    /** An output the template declares; missing means the stack was deployed from another template version. */
    String output(String key) {
        String value = outputs.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("stack " + stackName + " has no output " + key + " (it has " + outputs.keySet()
                    + "): deploy the template.yaml of this checkout");
        }
        return value;
    }

    /** The API's base URL, without a trailing slash. */
    String apiUrl() {
        return output("ApiUrl").replaceAll("/+$", "");
    }

    /** The physical id of one of the stack's resources (DescribeStackResource): a function's name, a queue's URL. */
    String physicalId(String logicalId) {
        try {
            String id = cloudFormation.describeStackResource(b -> b.stackName(stackName).logicalResourceId(logicalId))
                    .stackResourceDetail().physicalResourceId();
            if (id == null || id.isBlank()) throw new IllegalStateException("resource " + logicalId + " of stack " + stackName + " has no physical id yet");
            return id;
        } catch (CloudFormationException e) {
            if (e.statusCode() == 400) {
                throw new IllegalStateException("stack " + stackName + " has no resource " + logicalId + ": deploy the template.yaml of this checkout", e);
            }
            throw e;
        }
    }
}
