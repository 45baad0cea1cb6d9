package com.helpdesk.local.e2e;

import com.helpdesk.local.LocalStackHarness;
import com.helpdesk.localaws.CfnYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the deployed driver finds in a stack, checked against template.yaml offline: the outputs it reads, the
 * receipt rule it imitates (its S3 prefix and intake function) and a scope for every role the journeys ask for.
 */
class DeployedTierTemplateTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static Map<String, Object> template() throws Exception {
        return CfnYaml.parse(Files.readString(LocalStackHarness.root().resolve("template.yaml")));
    }

    private static Map<String, Object> properties(Map<String, Object> template, String logicalId) {
        Map<String, Object> resource = map(map(template.get("Resources")).get(logicalId));
        assertThat(resource).as("resource " + logicalId).isNotEmpty();
        return map(resource.get("Properties"));
    }

    @Test
    void theOutputsTheDriverReadsAreDeclared() throws Exception {
        assertThat(map(template().get("Outputs"))).containsKeys("ApiUrl", "MailBucketName", "EventBusName", "AuthDomain");
    }

    @Test
    void mailIsDeliveredWhereTheReceiptRuleStoresItToTheFunctionItInvokes() throws Exception {
        Map<String, Object> t = template();
        List<?> actions = list(map(properties(t, "InboundRule").get("Rule")).get("Actions"));
        Map<String, Object> s3 = map(actions.stream().map(a -> map(a).get("S3Action")).filter(a -> a != null).findFirst().orElseThrow());
        Map<String, Object> lambda = map(actions.stream().map(a -> map(a).get("LambdaAction")).filter(a -> a != null).findFirst().orElseThrow());
        assertThat(s3.get("ObjectKeyPrefix")).isEqualTo(AwsDriver.RAW_MAIL_PREFIX);
        assertThat(s3.get("BucketName").toString()).contains("MailBucket");
        assertThat(lambda.get("FunctionArn").toString()).contains(AwsDriver.INTAKE_FUNCTION);
        assertThat(map(t.get("Outputs")).get("MailBucketName").toString()).contains("MailBucket");
    }

    @Test
    void everyRoleTheJourneysUseHasAScopeAnAppClientCanBeGranted() throws Exception {
        Map<String, Object> server = properties(template(), "IntegrationResourceServer");
        assertThat(server.get("Identifier")).as("the API reads helpdesk/<role>").isEqualTo("helpdesk");
        List<String> scopes = new ArrayList<>();
        for (Object s : list(server.get("Scopes"))) scopes.add(String.valueOf(map(s).get("ScopeName")));
        assertThat(scopes).contains("agent", "admin", "lead", "integration");
    }
}
