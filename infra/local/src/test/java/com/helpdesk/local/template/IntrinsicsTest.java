package com.helpdesk.local.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntrinsicsTest {
    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage: { Type: String, Default: dev }
              Required: { Type: String }
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Globals:
              Function:
                Timeout: 30
                Environment:
                  Variables:
                    TABLE: !Ref Table
            Resources:
              Table: { Type: AWS::DynamoDB::Table, Properties: {} }
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Timeout: 10
                  Environment:
                    Variables:
                      ARN: !GetAtt Table.Arn
                      NAME: !Sub "${AWS::StackName}-${Stage}-${Table}"
                      JOINED: !Join ["/", [a, !Ref Stage, !Select [1, !Split [",", "x,y,z"]]]]
                      MODE: !If [IsProd, strict, relaxed]
                      LITERAL: !Sub "${!NotAVar}"
            """;

    private Intrinsics resolver(Template t, Map<String, String> overrides) {
        return new Intrinsics(t, new Intrinsics.Names() {
            @Override
            public String ref(String id) {
                return "local-" + id;
            }

            @Override
            public Object getAtt(String id, String attr) {
                return "arn:" + id + ":" + attr;
            }
        }, overrides);
    }

    private Template template() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("template", ".yaml");
        java.nio.file.Files.writeString(f, TEMPLATE);
        return Template.read(f);
    }

    @Test
    @SuppressWarnings("unchecked")
    void globalsMergeAndShortFormsResolve() throws Exception {
        Template t = template();
        Resource fn = t.get("Fn");
        assertThat(fn.properties().get("Timeout")).isEqualTo(10);
        Map<String, Object> env = (Map<String, Object>) resolver(t, Map.of()).resolve(fn.map("Environment").get("Variables"));
        assertThat(env).containsEntry("TABLE", "local-Table")
                .containsEntry("ARN", "arn:Table:Arn")
                .containsEntry("NAME", "helpdesk-local-dev-local-Table")
                .containsEntry("JOINED", "a/dev/y")
                .containsEntry("MODE", "relaxed")
                .containsEntry("LITERAL", "${NotAVar}");
        Map<String, Object> prod = (Map<String, Object>) resolver(t, Map.of("Stage", "prod", "Required", "x"))
                .resolve(fn.map("Environment").get("Variables"));
        assertThat(prod).containsEntry("MODE", "strict");
    }

    @Test
    void missingParametersAndUnsupportedFunctionsFailClearly() throws Exception {
        Template t = template();
        Intrinsics r = resolver(t, Map.of());
        assertThatThrownBy(() -> r.resolve(Map.of("Ref", "Required"))).hasMessageContaining("Required has no Default");
        assertThatThrownBy(() -> r.resolve(Map.of("Fn::Cidr", List.of()))).hasMessageContaining("not supported");
        assertThatThrownBy(() -> r.resolve("{{resolve:ssm:/x}}")).hasMessageContaining("dynamic references");
    }

    @Test
    void theProjectTemplateParses() {
        Template t = Template.read(com.helpdesk.local.LocalStackHarness.root().resolve("template.yaml"));
        assertThat(t.ofType("AWS::Serverless::Function")).extracting(Resource::logicalId)
                .contains("TicketApiFunction", "OutboxRelayFunction");
        assertThat(t.get("TicketApiFunction").properties()).containsEntry("Runtime", "java21");
    }
}
