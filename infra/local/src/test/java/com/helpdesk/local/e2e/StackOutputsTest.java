package com.helpdesk.local.e2e;

import com.helpdesk.localaws.StubAwsEndpoint;
import com.helpdesk.localaws.StubAwsEndpoint.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deployed driver finds a stack through CloudFormation's real Query/XML responses, served by a stub endpoint. */
class StackOutputsTest {
    private static StubAwsEndpoint aws;
    private static CloudFormationClient cloudFormation;

    @BeforeAll
    static void start() {
        aws = StubAwsEndpoint.start();
        cloudFormation = CloudFormationClient.builder().endpointOverride(aws.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.builder().build()).build();
    }

    @AfterAll
    static void stop() {
        cloudFormation.close();
        aws.close();
    }

    /** A DescribeStacks answer as the CloudFormation API reference shows it. */
    private static Answer stack(String status, String outputs) {
        return Answer.of(200, "text/xml", """
                <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                  <DescribeStacksResult>
                    <Stacks>
                      <member>
                        <StackName>helpdesk-test</StackName>
                        <StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/helpdesk-test/5b6e0c30-8f5a-11ef-9e5d-0a1b2c3d4e5f</StackId>
                        <CreationTime>2026-11-30T10:00:00.000Z</CreationTime>
                        <StackStatus>%s</StackStatus>
                        <Outputs>%s</Outputs>
                      </member>
                    </Stacks>
                  </DescribeStacksResult>
                  <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
                </DescribeStacksResponse>""".formatted(status, outputs));
    }

    private static String output(String key, String value) {
        return "<member><OutputKey>" + key + "</OutputKey><OutputValue>" + value + "</OutputValue><Description>d</Description></member>";
    }

    private static Answer validationError(String message) {
        return Answer.of(400, "text/xml", "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>Sender</Type>"
                + "<Code>ValidationError</Code><Message>" + message + "</Message></Error><RequestId>1a2b</RequestId></ErrorResponse>");
    }

    private static String form(StubAwsEndpoint.Request r) {
        return URLDecoder.decode(r.bodyText(), StandardCharsets.UTF_8);
    }

    @Test
    void theOutputsOfACompletedStackAreReadByKey() {
        aws.answer(stack("UPDATE_COMPLETE", output("ApiUrl", "https://a1b2c3.execute-api.eu-west-1.amazonaws.com/")
                + output("MailBucketName", "helpdesk-test-mailbucket-1x2y3z") + output("EventBusName", "helpdesk-test-bus")));
        StackOutputs stack = StackOutputs.describe(cloudFormation, "helpdesk-test");
        assertThat(form(aws.requests().get(0))).contains("Action=DescribeStacks").contains("StackName=helpdesk-test");
        assertThat(stack.apiUrl()).as("no trailing slash: paths start with one").isEqualTo("https://a1b2c3.execute-api.eu-west-1.amazonaws.com");
        assertThat(stack.output("MailBucketName")).isEqualTo("helpdesk-test-mailbucket-1x2y3z");
        assertThatThrownBy(() -> stack.output("AuthDomain")).hasMessageContaining("stack helpdesk-test has no output AuthDomain")
                .hasMessageContaining("EventBusName").hasMessageContaining("deploy the template.yaml of this checkout");
    }

    @Test
    void aStackThatIsNotUpOrDoesNotExistIsRefusedWithWhatToCheck() {
        aws.answer(stack("ROLLBACK_COMPLETE", ""));
        assertThatThrownBy(() -> StackOutputs.describe(cloudFormation, "helpdesk-test"))
                .hasMessage("stack helpdesk-test is ROLLBACK_COMPLETE: the deployed tier needs a stack whose last deployment completed");
        aws.answer(validationError("Stack with id helpdesk-typo does not exist"));
        assertThatThrownBy(() -> StackOutputs.describe(cloudFormation, "helpdesk-typo"))
                .hasMessageStartingWith("stack helpdesk-typo does not exist in this account and region").hasMessageContaining("-Dstack");
    }

    @Test
    void aResourceTheTemplateDoesNotOutputIsFoundByItsLogicalId() {
        aws.answer(stack("CREATE_COMPLETE", output("ApiUrl", "https://x.execute-api.eu-west-1.amazonaws.com")),
                Answer.of(200, "text/xml", """
                        <DescribeStackResourceResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
                          <DescribeStackResourceResult>
                            <StackResourceDetail>
                              <StackName>helpdesk-test</StackName>
                              <LogicalResourceId>InboundEmailFunction</LogicalResourceId>
                              <PhysicalResourceId>helpdesk-test-InboundEmailFunction-AbC123dEf456</PhysicalResourceId>
                              <ResourceType>AWS::Lambda::Function</ResourceType>
                              <LastUpdatedTimestamp>2026-11-30T10:05:00.000Z</LastUpdatedTimestamp>
                              <ResourceStatus>CREATE_COMPLETE</ResourceStatus>
                            </StackResourceDetail>
                          </DescribeStackResourceResult>
                        </DescribeStackResourceResponse>"""),
                validationError("Resource NoSuchThing does not exist for stack helpdesk-test"));
        StackOutputs stack = StackOutputs.describe(cloudFormation, "helpdesk-test");
        assertThat(stack.physicalId("InboundEmailFunction")).isEqualTo("helpdesk-test-InboundEmailFunction-AbC123dEf456");
        assertThat(form(aws.requests().get(1))).contains("Action=DescribeStackResource").contains("LogicalResourceId=InboundEmailFunction");
        assertThatThrownBy(() -> stack.physicalId("NoSuchThing")).hasMessageContaining("stack helpdesk-test has no resource NoSuchThing");
    }
}
