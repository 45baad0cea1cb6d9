package com.helpdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A template's schedules (function Schedule/ScheduleV2 events and rules) fire when the local clock moves. */
class ScheduleIT {

    @Test
    void movingTheClockFiresTheTemplatesSchedulesInOrder() throws Exception {
        Path dir = Files.createTempDirectory("schedule-template");
        Path jar = targetJar(dir.resolve("target.jar"));
        Files.writeString(dir.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    Timeout: 10
                    Environment:
                      Variables:
                        EVENT_BUS_NAME: !Ref Bus
                        POWERTOOLS_METRICS_NAMESPACE: Helpdesk
                        STACK_NAME: !Ref AWS::StackName
                Resources:
                  Bus:
                    Type: AWS::Events::EventBus
                    Properties:
                      Name: schedule-test-bus
                  Timer:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: %s
                      Handler: com.helpdesk.local.ScheduleTarget::handleRequest
                      Events:
                        Hourly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 hour)
                        Nightly:
                          Type: ScheduleV2
                          Properties:
                            ScheduleExpression: cron(0 3 * * ? *)
                """.formatted(jar));
        try (LocalStack stack = LocalStack.start(new LocalStackOptions("127.0.0.1", 0, dir.resolve("template.yaml"), Map.of()))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + stack.port() + "/_local/clock"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"P1D\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode fired = new ObjectMapper().readTree(r.body()).get("fired");
            long hourly = 0, nightly = 0;
            String previous = "";
            for (JsonNode f : fired) {
                assertThat(f.get("status").asText()).isEqualTo("ok");
                assertThat(f.get("at").asText()).isGreaterThanOrEqualTo(previous);
                previous = f.get("at").asText();
                if (f.get("schedule").asText().endsWith("Hourly")) hourly++;
                if (f.get("schedule").asText().endsWith("Nightly")) nightly++;
            }
            assertThat(hourly).isEqualTo(24);
            assertThat(nightly).isEqualTo(1);
        }
    }

    /** A function's package: ScheduleTarget and aws-lambda-java-core (Context, RequestStreamHandler), nothing else. */
    private static Path targetJar(Path jar) throws Exception {
        String entry = ScheduleTarget.class.getName().replace('.', '/') + ".class";
        Path core = Path.of(com.amazonaws.services.lambda.runtime.Context.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var in = ScheduleTarget.class.getClassLoader().getResourceAsStream(entry);
             var lambdaCore = new java.util.jar.JarFile(core.toFile())) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
            for (var e : java.util.Collections.list(lambdaCore.entries())) {
                if (!e.getName().endsWith(".class")) continue;
                out.putNextEntry(new java.util.jar.JarEntry(e.getName()));
                try (var classFile = lambdaCore.getInputStream(e)) {
                    classFile.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
