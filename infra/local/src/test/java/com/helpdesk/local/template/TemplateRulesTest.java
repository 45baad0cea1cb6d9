package com.helpdesk.local.template;

import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRulesTest {
    private static final Intrinsics.Names NO_RESOURCES = new Intrinsics.Names() {
        @Override
        public String ref(String id) {
            throw new IllegalArgumentException("rules reference no resources: " + id);
        }

        @Override
        public Object getAtt(String id, String attr) {
            throw new IllegalArgumentException("rules reference no resources: " + id);
        }
    };

    private static List<String> refused(Template template, Map<String, String> parameters) {
        return new TemplateRules(template, new Intrinsics(template, NO_RESOURCES, parameters)).violations().stream()
                .map(TemplateRules.Violation::rule).toList();
    }

    private static Template projectTemplate() {
        return Template.read(LocalStackHarness.root().resolve("template.yaml"));
    }

    private static Template inline(String yaml) throws Exception {
        Path f = Files.createTempFile("rules", ".yaml");
        Files.writeString(f, yaml);
        return Template.read(f);
    }

    @Test
    void theTemplatesDefaultsDeployOnlyAsTheLocalOrTestStage() {
        Template t = projectTemplate();
        assertThat(refused(t, Map.of())).as("Stage's default (dev) with the placeholder address").containsExactly("SupportAddressIsReal");
        assertThat(refused(t, Map.of("Stage", "local"))).isEmpty();
        assertThat(refused(t, Map.of("Stage", "test"))).isEmpty();
    }

    @Test
    void aRealStageNeedsARealAddressAndAPublicOrigin() {
        Template t = projectTemplate();
        assertThat(refused(t, Map.of("Stage", "prod"))).containsExactly("SupportAddressIsReal", "AllowedOriginIsPublic");
        assertThat(refused(t, Map.of("Stage", "prod", "SupportAddress", "support@example.com",
                "AllowedOrigin", "https://desk.shop.de"))).containsExactly("SupportAddressIsReal");
        assertThat(refused(t, Map.of("Stage", "prod", "SupportAddress", "help@shop.de",
                "AllowedOrigin", "http://localhost:3000"))).containsExactly("AllowedOriginIsPublic");
        assertThat(refused(t, Map.of("Stage", "prod", "SupportAddress", "help@shop.de",
                "AllowedOrigin", "https://desk.shop.de"))).isEmpty();
        assertThat(refused(t, Map.of("Stage", "dev", "SupportAddress", "help@shop.de"))).as("dev may use a local frontend").isEmpty();
    }

    /** What a default that only stands in for the real value looks like (RFC 2606 example domains, localhost, "change me"). */
    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("(?i)\\bexample\\.(com|org|net)\\b|localhost|127\\.0\\.0\\.1|change-?me|placeholder|\\btodo\\b");

    @Test
    void everyParameterWithAPlaceholderDefaultRefusesToDeployForARealStageNamingIt() {
        Template t = projectTemplate();
        List<String> placeholders = t.parameters().entrySet().stream()
                .filter(e -> e.getValue() instanceof Map<?, ?> m && PLACEHOLDER.matcher(String.valueOf(m.get("Default"))).find())
                .map(Map.Entry::getKey).toList();
        assertThat(placeholders).as("the placeholders known today").contains("SupportAddress", "AllowedOrigin");
        List<TemplateRules.Violation> refused = new TemplateRules(t, new Intrinsics(t, NO_RESOURCES, Map.of("Stage", "prod"))).violations();
        for (String parameter : placeholders) {
            assertThat(refused).as(parameter + " keeps a placeholder default: a rule must refuse it outside the stages local and test")
                    .anySatisfy(v -> assertThat(v.description()).contains(parameter));
        }
    }

    @Test
    void aRulePositionNeedsTheExistingRuleSetItIsIn() {
        Template t = projectTemplate();
        assertThat(refused(t, Map.of("Stage", "local", "ReceiptRuleAfter", "archive"))).containsExactly("ReceiptRuleAfterNeedsExistingSet");
        assertThat(refused(t, Map.of("Stage", "local", "ReceiptRuleAfter", "archive", "ExistingReceiptRuleSet", "main"))).isEmpty();
        assertThat(refused(t, Map.of("Stage", "local", "ExistingReceiptRuleSet", "main"))).isEmpty();
    }

    @Test
    void theViolationSaysWhatToDo() {
        List<TemplateRules.Violation> v = new TemplateRules(projectTemplate(),
                new Intrinsics(projectTemplate(), NO_RESOURCES, Map.of("Stage", "prod"))).violations();
        assertThat(v.get(0).description()).contains("SupportAddress", "placeholder");
        assertThat(v.get(0).toString()).startsWith("SupportAddressIsReal: ");
    }

    @Test
    void evaluatesEveryRuleFunctionForPlainParameters() throws Exception {
        Template t = inline("""
                Parameters:
                  Env: { Type: String, Default: prod }
                  Zones: { Type: CommaDelimitedList, Default: "a,b" }
                Rules:
                  Always:
                    Assertions:
                      - Assert: !EachMemberIn [!Ref Zones, [a, b, c]]
                        AssertDescription: zones must be a, b or c
                      - Assert: !EachMemberEquals [!Ref Zones, a]
                        AssertDescription: every zone must be a
                  OnlyInProd:
                    RuleCondition: !And [!Equals [!Ref Env, prod], !Or [!Contains [[a], a], false]]
                    Assertions:
                      - Assert: !Not [!Equals [!Ref Env, prod]]
                Resources: { T: { Type: AWS::SNS::Topic } }
                """);
        List<TemplateRules.Violation> v = new TemplateRules(t, new Intrinsics(t, NO_RESOURCES, Map.of())).violations();
        assertThat(v).extracting(TemplateRules.Violation::toString)
                .containsExactly("Always: every zone must be a", "OnlyInProd: assertion failed");
        assertThat(refused(t, Map.of("Env", "dev", "Zones", "a,a"))).isEmpty();
        assertThat(refused(t, Map.of("Env", "dev", "Zones", "a,d"))).containsExactly("Always", "Always");
    }

    @Test
    void aTemplateWithoutRulesPassesAndAnUnsupportedFunctionIsNamed() throws Exception {
        Template none = inline("Resources: { T: { Type: AWS::SNS::Topic } }\n");
        assertThat(refused(none, Map.of())).isEmpty();
        Template valueOf = inline("""
                Parameters:
                  Vpc: { Type: "AWS::EC2::VPC::Id", Default: vpc-1 }
                Rules:
                  Tagged:
                    Assertions:
                      - Assert: !Equals [!ValueOf [!Ref Vpc, Tags], x]
                Resources: { T: { Type: AWS::SNS::Topic } }
                """);
        assertThatThrownBy(() -> refused(valueOf, Map.of())).hasMessageContaining("Fn::ValueOf");
    }
}
