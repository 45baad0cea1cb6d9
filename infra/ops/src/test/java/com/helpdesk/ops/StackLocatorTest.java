package com.helpdesk.ops;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.ListStackResourcesRequest;
import software.amazon.awssdk.services.cloudformation.model.ListStackResourcesResponse;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --stack: the resources come from CloudFormation, page after page, with their physical ids. */
class StackLocatorTest {
    /** A CloudFormation that knows one stack, listed in two pages (as ListStackResources pages by 100). */
    private static final class TwoPageStack implements CloudFormationClient {
        final List<ListStackResourcesRequest> requests = new ArrayList<>();

        @Override
        public ListStackResourcesResponse listStackResources(ListStackResourcesRequest request) {
            requests.add(request);
            if (!request.stackName().equals("helpdesk-prod")) {
                throw (CloudFormationException) CloudFormationException.builder().statusCode(400)
                        .message("Stack with id " + request.stackName() + " does not exist").build();
            }
            if (request.nextToken() == null) {
                return ListStackResourcesResponse.builder().nextToken("page-2").stackResourceSummaries(
                        summary("HelpdeskTable", "AWS::DynamoDB::Table", "helpdesk-prod-HelpdeskTable-1ABC"),
                        summary("InboundQueue", "AWS::SQS::Queue", "https://sqs.eu-west-1.amazonaws.com/123/helpdesk-prod-InboundQueue-X.fifo"),
                        summary("Pending", "AWS::SQS::Queue", null)).build();
            }
            return ListStackResourcesResponse.builder().stackResourceSummaries(
                    summary("HelpdeskBus", "AWS::Events::EventBus", "helpdesk-prod-bus")).build();
        }

        private static StackResourceSummary summary(String logicalId, String type, String physicalId) {
            return StackResourceSummary.builder().logicalResourceId(logicalId).resourceType(type).physicalResourceId(physicalId).build();
        }

        @Override
        public String serviceName() {
            return "cloudformation";
        }

        @Override
        public void close() {}
    }

    @Test
    void everyPageOfTheStacksResourcesIsRead() {
        TwoPageStack cfn = new TwoPageStack();
        StackResources stack = StackLocator.aws(cfn, "helpdesk-prod", null);
        assertThat(cfn.requests).hasSize(2);
        assertThat(stack.table()).isEqualTo("helpdesk-prod-HelpdeskTable-1ABC");
        assertThat(stack.bus()).isEqualTo("helpdesk-prod-bus");
        assertThat(stack.ofType(StackResources.QUEUE)).extracting(StackResources.Resource::logicalId).containsExactly("InboundQueue");
        assertThat(stack.endpoint("sqs")).isEmpty();
        assertThat(stack.local()).isFalse();
        assertThatThrownBy(stack::filesBucket).isInstanceOf(NotFoundException.class).hasMessageContaining("no AWS::S3::Bucket");
    }

    @Test
    void anEndpointOverrideAppliesToEveryService() {
        StackResources stack = StackLocator.aws(new TwoPageStack(), "helpdesk-prod", URI.create("http://localhost:4566"));
        assertThat(stack.endpoint("dynamodb")).contains(URI.create("http://localhost:4566"));
        assertThat(stack.endpoint("eventbridge")).contains(URI.create("http://localhost:4566"));
    }

    @Test
    void anUnknownStackIsNotFound() {
        assertThatThrownBy(() -> StackLocator.aws(new TwoPageStack(), "helpdesk-typo", null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("stack helpdesk-typo does not exist");
    }
}
