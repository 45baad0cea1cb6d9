package com.helpdesk.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.runtime.Json;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.TableSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler driven by the real-shaped API Gateway events in events/api, against DynamoDB Local. */
class TicketApiHandlerTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));
    private static DynamoDbLocal dynamo;
    private static TicketApiHandler handler;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        client = DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        client.createTable(TableSchema.createTableRequest("tickets"));
        Clock clock = Clock.systemUTC();
        DynamoDbTicketRepository repository = new DynamoDbTicketRepository(client, "tickets");
        byte[] csatKey = "csat-key-for-tests-0123456789abcd".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TicketDesk desk = TicketDesk.wire(repository, new UlidGenerator(clock), clock);
        handler = new TicketApiHandler(desk,
                new com.helpdesk.core.csat.CsatService(repository, new com.helpdesk.core.csat.CsatToken(csatKey),
                        new UlidGenerator(clock), clock, java.time.Duration.ofDays(7)), new com.helpdesk.core.port.FileStore() {
                    @Override
                    public com.helpdesk.core.ticket.Attachment save(String folder, String filename, String contentType, String contentId,
                                                                   java.io.InputStream content) {
                        throw new UnsupportedOperationException("the API only reads files");
                    }

                    @Override
                    public java.net.URI downloadLink(com.helpdesk.core.ticket.Attachment file, java.time.Duration validFor) {
                        return java.net.URI.create("https://files.example.com/" + file.id());
                    }
                }, new com.helpdesk.core.chat.ChannelService(new com.helpdesk.store.DynamoDbChannelRepository(client, "tickets"),
                        new InMemorySecrets(), "/helpdesk/test", clock),
                new com.helpdesk.core.sla.TicketSlaQueries(new com.helpdesk.store.DynamoDbSlaTicketReads(client, "tickets"),
                        new com.helpdesk.core.sla.SlaSettings(new com.helpdesk.store.DynamoDbSlaSettings(client, "tickets"),
                                java.time.ZoneOffset.UTC), clock),
                new com.helpdesk.core.orders.OrderContextReads(new com.helpdesk.store.DynamoDbOrderContexts(client, "tickets"),
                        new com.helpdesk.store.DynamoDbStoreRepository(client, "tickets")),
                new com.helpdesk.core.triage.IntentRecords(new com.helpdesk.store.DynamoDbTicketIntents(client, "tickets"),
                        new UlidGenerator(clock), clock));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    private static APIGatewayV2HTTPEvent sample(String name) {
        return EventLoader.loadApiGatewayHttpEvent(ROOT.resolve("events/api/" + name).toString());
    }

    private static JsonNode json(APIGatewayV2HTTPResponse r) throws Exception {
        return Json.mapper().readTree(r.getBody());
    }

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) {
        return handler.handle(e, null);
    }

    private static String createFromSample() throws Exception {
        APIGatewayV2HTTPResponse r = call(sample("create-ticket.json"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
        return json(r).get("id").asText();
    }

    private static APIGatewayV2HTTPEvent on(String sampleFile, String id) {
        APIGatewayV2HTTPEvent e = sample(sampleFile);
        Map<String, String> params = new HashMap<>();
        params.put("id", id);
        e.setPathParameters(params);
        e.setRawPath(e.getRawPath().replaceAll("/tickets/[^/]+", "/tickets/" + id));
        return e;
    }

    @Test
    void theCreateSampleMakesATicketWithTheDocumentedShape() throws Exception {
        APIGatewayV2HTTPResponse r = call(sample("create-ticket.json"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
        JsonNode t = json(r);
        assertThat(r.getHeaders()).containsEntry("Location", "/tickets/" + t.get("id").asText())
                .containsEntry("ETag", "\"1\"").containsEntry("Content-Type", "application/json");
        for (String f : List.of("id", "number", "subject", "status", "priority", "channel", "requester", "assignee", "group",
                "tags", "createdAt", "updatedAt", "version", "messages")) {
            assertThat(t.has(f)).as("field " + f).isTrue();
        }
        assertThat(t.get("requester").has("email")).isTrue();
        JsonNode m = t.get("messages").get(0);
        for (String f : List.of("id", "author", "visibility", "body", "html", "channel", "createdAt", "attachments")) {
            assertThat(m.has(f)).as("message field " + f).isTrue();
        }
        assertThat(m.get("author").get("type").asText()).isEqualTo("agent");
        assertThat(m.get("author").get("id").asText()).isEqualTo(sample("create-ticket.json")
                .getRequestContext().getAuthorizer().getJwt().getClaims().get("sub"));
    }

    @Test
    void aTicketCarriesItsClocksComputedAtReadTimeAndIsThenNeverAnswered304() throws Exception {
        String id = createFromSample();
        APIGatewayV2HTTPResponse before = call(on("get-ticket.json", id));
        assertThat(json(before).get("sla").isEmpty()).as("no clocks started yet").isTrue();
        java.time.Instant created = java.time.Instant.now().minusSeconds(600);
        com.helpdesk.core.sla.TicketSla sla = com.helpdesk.core.sla.TicketSla.create(com.helpdesk.core.sla.SlaPolicy.BUILT_IN_DEFAULT,
                com.helpdesk.core.sla.AroundTheClock.INSTANCE, com.helpdesk.core.ticket.Status.NEW, created, "TicketCreated").sla();
        new com.helpdesk.store.DynamoDbTicketSla(client, "tickets").save(new com.helpdesk.core.sla.TicketSlaStore.Write(
                new com.helpdesk.core.sla.TicketSlaStore.Stored(id, json(before).get("number").asLong(), 1, created,
                        new com.helpdesk.core.sla.TicketFacts(com.helpdesk.core.ticket.Priority.NORMAL, com.helpdesk.core.ticket.Channel.EMAIL,
                                java.util.Set.of()), com.helpdesk.core.sla.TicketSlaWire.toWire(sla), List.of()),
                0, sla.nextFireAt(), sla.nextDueAt(), List.of(), List.of()));
        APIGatewayV2HTTPResponse after = call(on("get-ticket.json", id));
        JsonNode first = json(after).get("sla").get("firstResponse");
        assertThat(first.get("state").asText()).isEqualTo("active");
        assertThat(first.get("policy").asText()).isEqualTo("default");
        assertThat(first.get("businessHours").isNull()).isTrue();
        assertThat(first.get("dueAt").asText()).isEqualTo(created.plus(java.time.Duration.ofHours(8)).toString());
        assertThat(java.time.Duration.parse(first.get("remaining").asText())).as("PT8H less the 10 minutes since creation")
                .isLessThanOrEqualTo(java.time.Duration.ofMinutes(470)).isGreaterThan(java.time.Duration.ofMinutes(400));
        APIGatewayV2HTTPEvent conditional = on("get-ticket.json", id);
        conditional.getHeaders().put("if-none-match", after.getHeaders().get("ETag"));
        assertThat(call(conditional).getStatusCode()).as("remaining moves with time alone").isEqualTo(200);
    }

    @Test
    void aGroupsQueueListsItsTicketsAndABadGroupIsA400NamingIt() throws Exception {
        String group = "returns-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        APIGatewayV2HTTPEvent create = sample("create-ticket.json");
        create.setBody(create.getBody().replace("\"channel\":\"phone\"", "\"channel\":\"phone\",\"group\":\"" + group + "\""));
        APIGatewayV2HTTPResponse created = call(create);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        createFromSample(); // no group: not in the queue

        APIGatewayV2HTTPEvent list = sample("list-tickets.json");
        list.setQueryStringParameters(new HashMap<>(Map.of("group", group)));
        APIGatewayV2HTTPResponse r = call(list);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(json(r).get("items")).singleElement().satisfies(t -> {
            assertThat(t.get("id").asText()).isEqualTo(json(created).get("id").asText());
            assertThat(t.get("group").asText()).isEqualTo(group);
        });

        for (Map<String, String> bad : List.of(Map.of("group", "  "), Map.of("group", "g".repeat(65)),
                Map.of("group", group, "slaDueBefore", "2026-12-07T09:00:00Z"))) {
            APIGatewayV2HTTPEvent e = sample("list-tickets.json");
            e.setQueryStringParameters(new HashMap<>(bad));
            APIGatewayV2HTTPResponse refused = call(e);
            assertThat(refused.getStatusCode()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.getHeaders()).containsEntry("Content-Type", "application/problem+json");
            assertThat(json(refused).get("errors").toString()).as(bad.toString()).contains("\"field\":\"group\"");
        }
    }

    @Test
    void theBreachingSoonViewNamesABadInstantAndAnyFilterItCannotServe() throws Exception {
        APIGatewayV2HTTPEvent bad = sample("list-tickets.json");
        bad.setQueryStringParameters(new HashMap<>(Map.of("slaDueBefore", "tomorrow")));
        APIGatewayV2HTTPResponse r = call(bad);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(r.getBody()).contains("slaDueBefore");
        APIGatewayV2HTTPEvent combined = sample("list-tickets.json");
        combined.setQueryStringParameters(new HashMap<>(Map.of("slaDueBefore", "2026-12-07T09:00:00Z", "status", "open", "tag", "vip")));
        APIGatewayV2HTTPResponse c = call(combined);
        assertThat(c.getStatusCode()).isEqualTo(400);
        assertThat(c.getBody()).contains("\"status\"").contains("\"tag\"").contains("cannot be combined with slaDueBefore");
        APIGatewayV2HTTPEvent ok = sample("list-tickets.json");
        ok.setQueryStringParameters(new HashMap<>(Map.of("slaDueBefore", "2000-01-01T00:00:00Z")));
        JsonNode page = json(call(ok));
        assertThat(page.get("items").isEmpty()).isTrue();
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void getByIdAndByNumberAndConditionalGet() throws Exception {
        String id = createFromSample();
        APIGatewayV2HTTPResponse byId = call(on("get-ticket.json", id));
        assertThat(byId.getStatusCode()).isEqualTo(200);
        long number = json(byId).get("number").asLong();
        APIGatewayV2HTTPResponse byNumber = call(on("get-ticket.json", Long.toString(number)));
        assertThat(json(byNumber).get("id").asText()).isEqualTo(id);

        APIGatewayV2HTTPEvent conditional = on("get-ticket.json", id);
        conditional.getHeaders().put("if-none-match", byId.getHeaders().get("ETag"));
        assertThat(call(conditional).getStatusCode()).isEqualTo(304);

        APIGatewayV2HTTPResponse missing = call(on("get-ticket.json", "tkt_00000000000000000000000000"));
        assertThat(missing.getStatusCode()).isEqualTo(404);
        assertThat(missing.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    }

    @Test
    void patchWithAStaleETagIs412AndChangesNothing() throws Exception {
        String id = createFromSample();
        APIGatewayV2HTTPEvent first = on("patch-ticket.json", id);
        first.getHeaders().put("if-match", "\"1\"");
        APIGatewayV2HTTPResponse ok = call(first);
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(200);
        assertThat(ok.getHeaders()).containsEntry("ETag", "\"2\"");

        APIGatewayV2HTTPEvent stale = on("patch-ticket.json", id);
        stale.getHeaders().put("if-match", "\"1\"");
        stale.setBody("{\"priority\":\"low\"}");
        APIGatewayV2HTTPResponse refused = call(stale);
        assertThat(refused.getStatusCode()).isEqualTo(412);
        assertThat(json(refused).get("type").asText()).isEqualTo("/problems/stale-version");
        assertThat(json(call(on("get-ticket.json", id))).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void theMessageSampleAddsToTheThread() throws Exception {
        String id = createFromSample();
        APIGatewayV2HTTPResponse r = call(on("add-message.json", id));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
        assertThat(json(r).get("messages")).hasSize(2);
    }

    @Test
    void theEscalateAndHistorySamplesWork() throws Exception {
        String id = createFromSample();
        APIGatewayV2HTTPResponse escalated = call(on("escalate-ticket.json", id));
        assertThat(escalated.getStatusCode()).as(escalated.getBody()).isEqualTo(200);
        assertThat(json(escalated).get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(json(escalated).get("group").asText()).isEqualTo("tier2");
        APIGatewayV2HTTPResponse history = call(on("get-ticket-history.json", id));
        assertThat(history.getStatusCode()).as(history.getBody()).isEqualTo(200);
        assertThat(json(history).get("items").get(0).get("action").asText()).isEqualTo("TicketCreated");
        assertThat(history.getBody()).contains("\"action\":\"Escalated\"").contains("Customer threatens a chargeback");
    }

    @Test
    void badInputGetsProblemJsonAndStoresNothing() throws Exception {
        String before = call(sample("list-tickets.json")).getBody();
        Map<String, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put("{not json", 400);
        cases.put("[]", 400);
        cases.put("{\"subject\": 42, \"requester\": {\"email\": \"a@b.co\"}, \"channel\": \"phone\", \"message\": {\"body\": \"x\"}}", 400);
        cases.put("{\"subject\": \"s\", \"requester\": {\"email\": \"a@b.co\"}, \"channel\": \"fax\", \"message\": {\"body\": \"x\"}}", 400);
        cases.put("{\"subject\": \"s\", \"requester\": {\"email\": \"a@b.co\"}, \"channel\": \"phone\", \"message\": {\"body\": \"x\"}, \"sbject\": 1}", 400);
        cases.put("{\"subject\": \"s\", \"requester\": {}, \"channel\": \"phone\", \"message\": {\"body\": \"x\"}}", 400);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            APIGatewayV2HTTPEvent e = sample("create-ticket.json");
            e.setBody(c.getKey());
            APIGatewayV2HTTPResponse r = call(e);
            assertThat(r.getStatusCode()).as(c.getKey() + " -> " + r.getBody()).isEqualTo(c.getValue());
            assertThat(r.getHeaders()).containsEntry("Content-Type", "application/problem+json");
            JsonNode p = json(r);
            assertThat(p.get("status").asInt()).isEqualTo(c.getValue());
            assertThat(p.get("detail").asText()).isNotBlank();
            assertThat(r.getBody()).doesNotContain("Exception").doesNotContain("at com.");
        }
        APIGatewayV2HTTPEvent wrongType = sample("create-ticket.json");
        wrongType.getHeaders().put("content-type", "text/plain");
        assertThat(call(wrongType).getStatusCode()).isEqualTo(415);

        APIGatewayV2HTTPEvent tooLarge = sample("create-ticket.json");
        tooLarge.setBody("{\"subject\":\"" + "x".repeat(300 * 1024) + "\"}");
        assertThat(call(tooLarge).getStatusCode()).isEqualTo(413);

        assertThat(call(sample("list-tickets.json")).getBody()).isEqualTo(before);
    }

    @Test
    void base64BodiesAreDecodedAsApiGatewaySendsThem() throws Exception {
        APIGatewayV2HTTPEvent e = sample("create-ticket.json");
        e.setBody(Base64.getEncoder().encodeToString(e.getBody().getBytes(StandardCharsets.UTF_8)));
        e.setIsBase64Encoded(true);
        assertThat(call(e).getStatusCode()).isEqualTo(201);
    }

    @Test
    void callersNeedATokenAndAStaffRole() throws Exception {
        APIGatewayV2HTTPEvent anonymous = sample("list-tickets.json");
        anonymous.getRequestContext().setAuthorizer(null);
        APIGatewayV2HTTPResponse r = call(anonymous);
        assertThat(r.getStatusCode()).isEqualTo(401);
        assertThat(r.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");

        APIGatewayV2HTTPEvent integration = sample("list-tickets.json");
        integration.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[integration]");
        integration.getRequestContext().getAuthorizer().getJwt().getClaims().remove("role");
        assertThat(call(integration).getStatusCode()).isEqualTo(403);
    }

    @Test
    void everyRouteOfTheTemplateIsServedAndDocumentedInOpenApi() throws Exception {
        String template = Files.readString(ROOT.resolve("template.yaml"));
        String openapi = call(sample("get-openapi.json")).getBody();
        assertThat(openapi).startsWith("openapi: 3.1");
        Matcher m = Pattern.compile("Path: (\\S+)\\s+Method: (\\w+)").matcher(template);
        int routes = 0;
        while (m.find()) {
            String path = m.group(1), method = m.group(2).toUpperCase();
            // GET /tickets/{id}/sla is SlaAdminFunction's (the gateway matches the path there)
            if (!path.startsWith("/tickets") && !path.equals("/openapi.yaml") || path.equals("/tickets/{id}/sla")) {
                assertThat(openapi).as(path + " documented").contains("  " + path + ":");
                continue; // served by another function
            }
            routes++;
            APIGatewayV2HTTPEvent e = sample("get-openapi.json");
            e.setRouteKey(method + " " + path);
            assertThat(call(e).getBody()).as(method + " " + path + " is routed").doesNotContain("no route");
            assertThat(openapi).as(path + " documented").contains("  " + path + ":");
            assertThat(openapi).as(method + " " + path + " documented").containsIgnoringCase(method.toLowerCase() + ":");
        }
        assertThat(routes).isGreaterThanOrEqualTo(6);
    }

    /** Valid-looking values for each path parameter, and hostile ones (too long, control characters). */
    private static final Map<String, String> PARAMETER_VALUES = Map.of("id", "tkt_00000000000000000000000000",
            "otherId", "1042", "attachmentId", "att_1", "channelId", "nope");

    /** A body the route accepts, where only the path parameter is wrong (its service reports the two together). */
    private static final Map<String, String> VALID_BODIES = Map.of("PUT /channels/{channelId}",
            "{\"kind\":\"generic\",\"settings\":{\"callbackUrl\":\"https://w.example/h\"},\"secrets\":{\"signingSecret\":\"s\"}}");

    private static List<String> hostileBodies() {
        return List.of("{\"a\":" + "[".repeat(65) + "]".repeat(65) + "}", "{\"n\":" + "9".repeat(5000) + "}",
                "{\"subject\":\"" + "x".repeat(200_000) + "\"}", "{\"subject\":\"a\",\"subject\":\"b\"}", "{\"subject\":",
                "{\"subject\": tru}", "\u00ff\u00fe", "[]", "{\"ticketIds\": \"x\", \"changes\": 7, \"message\": []}",
                "{\"subject\":\"s\\r\\nBcc: x@evil.example\",\"requester\":{\"email\":\"a@b.co\",\"name\":\"A\\nB\"}}");
    }

    @Test
    void everyRouteAnswersHostileBodiesAndPathsWith4xxInTheApisOwnWords() throws Exception {
        String template = Files.readString(ROOT.resolve("template.yaml"));
        Matcher m = Pattern.compile("Path: (\\S+)\\s+Method: (\\w+)").matcher(template);
        int probes = 0;
        while (m.find()) {
            String path = m.group(1), routeKey = m.group(2).toUpperCase() + " " + path;
            if (path.startsWith("/csat") || path.startsWith("/webhooks") || path.startsWith("/business-hours")
                    || path.startsWith("/sla-policies") || path.equals("/tickets/{id}/sla")
                    || path.startsWith("/stores") || path.startsWith("/customers")
                    || path.startsWith("/agents") || path.startsWith("/routing-rules")) {
                continue; // other functions: see their tests and the e2e table
            }
            List<String> names = com.helpdesk.http.PathParameters.namesIn(routeKey);
            for (String body : hostileBodies()) {
                probes++;
                assertWellRefused(routeKey, call(routeEvent(routeKey, names, n -> PARAMETER_VALUES.get(n), body)));
            }
            for (String name : names) {
                for (String bad : List.of("x".repeat(3000), "ab\r\ncd", "")) {
                    probes++;
                    APIGatewayV2HTTPResponse r = call(routeEvent(routeKey, names, n -> n.equals(name) ? bad : PARAMETER_VALUES.get(n),
                            VALID_BODIES.getOrDefault(routeKey, "{}")));
                    assertThat(r.getStatusCode()).as(routeKey + " with a bad " + name).isEqualTo(400);
                    assertThat(json(r).get("errors").findValuesAsText("field")).as(routeKey + " " + r.getBody()).contains(name);
                    assertWellRefused(routeKey, r);
                }
            }
        }
        System.out.println("hostile probes against the ticket API: " + probes + ", none answered 5xx or named the parser");
        assertThat(probes).isGreaterThan(200);
    }

    private static APIGatewayV2HTTPEvent routeEvent(String routeKey, List<String> names, java.util.function.Function<String, String> value, String body) {
        APIGatewayV2HTTPEvent e = sample("create-ticket.json");
        e.setRouteKey(routeKey);
        Map<String, String> params = new HashMap<>();
        names.forEach(n -> params.put(n, value.apply(n)));
        e.setPathParameters(params);
        e.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[agent admin integration]");
        e.setBody(body);
        return e;
    }

    private static void assertWellRefused(String routeKey, APIGatewayV2HTTPResponse r) {
        assertThat(r.getStatusCode()).as(routeKey + " -> " + r.getBody()).isBetween(200, 499);
        if (r.getStatusCode() < 400) return;
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(String.valueOf(r.getBody())).as(routeKey).doesNotContainIgnoringCase("jackson").doesNotContainIgnoringCase("fasterxml")
                .doesNotContain("StreamReadConstraints").doesNotContain("Exception").doesNotContain("`").doesNotContain("at com.");
    }

    @Test
    void queryValuesNoFilterCanHoldAreRefusedNamingTheParameter() throws Exception {
        for (String[] q : new String[][]{{"assignee", "a".repeat(3000)}, {"tag", "x\r\ny"}, {"cursor", "c".repeat(20_000)}}) {
            APIGatewayV2HTTPEvent e = sample("list-tickets.json");
            e.setQueryStringParameters(new HashMap<>(Map.of(q[0], q[1])));
            APIGatewayV2HTTPResponse r = call(e);
            assertThat(r.getStatusCode()).as(q[0] + " -> " + r.getBody()).isEqualTo(400);
            assertThat(json(r).get("errors").get(0).get("field").asText()).isEqualTo(q[0]);
        }
    }

    @Test
    void aRepeatedCreateIsRecognisedWhateverTheKeyOrderOrWhitespace() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        APIGatewayV2HTTPEvent first = sample("create-ticket.json");
        first.getHeaders().put("idempotency-key", key);
        APIGatewayV2HTTPResponse created = call(first);
        assertThat(created.getStatusCode()).isEqualTo(201);

        JsonNode original = Json.mapper().readTree(first.getBody());
        Map<String, Object> reordered = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        original.fields().forEachRemaining(f -> reordered.put(f.getKey(), f.getValue()));
        APIGatewayV2HTTPEvent again = sample("create-ticket.json");
        again.getHeaders().put("idempotency-key", key);
        again.setBody(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reordered));
        assertThat(again.getBody()).isNotEqualTo(first.getBody());
        APIGatewayV2HTTPResponse replayed = call(again);
        assertThat(replayed.getStatusCode()).as(replayed.getBody()).isEqualTo(201);
        assertThat(replayed.getHeaders()).containsEntry("Idempotent-Replayed", "true");
        assertThat(json(replayed).get("id").asText()).isEqualTo(json(created).get("id").asText());

        APIGatewayV2HTTPEvent different = sample("create-ticket.json");
        different.getHeaders().put("idempotency-key", key);
        different.setBody(first.getBody().replace("high", "low"));
        assertThat(call(different).getStatusCode()).isEqualTo(422);
    }

    @Test
    void lineBreaksInSingleLineFieldsAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String before = call(sample("list-tickets.json")).getBody();
        APIGatewayV2HTTPEvent e = sample("create-ticket.json");
        e.setBody(e.getBody().replace("Order #1001 arrived damaged", "Order\\r\\nBcc: victim@example.com")
                .replace("Jane Doe", "Jane\\nDoe").replace("\"shipping\"", "\"ship\\u0000ping\""));
        APIGatewayV2HTTPResponse r = call(e);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(json(r).get("errors").findValuesAsText("field")).contains("subject", "requester.name", "tags[1]");
        assertThat(call(sample("list-tickets.json")).getBody()).isEqualTo(before);
    }

    @Test
    void customerHtmlIsReturnedSanitisedForDisplay() throws Exception {
        APIGatewayV2HTTPEvent e = sample("create-ticket.json");
        e.setBody(e.getBody().replace("\"message\":{\"body\":", "\"message\":{\"html\":\"<p onclick=x()>Hi</p><script>alert(1)</script>"
                + "<img src='https://tracker.example/o.gif' alt=logo><a href='javascript:alert(1)'>x</a><iframe src=https://e.example></iframe>\",\"body\":"));
        APIGatewayV2HTTPResponse created = call(e);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        String id = json(created).get("id").asText();
        for (APIGatewayV2HTTPResponse r : List.of(created, call(on("get-ticket.json", id)))) {
            String html = json(r).get("messages").get(0).get("html").asText();
            assertThat(html).startsWith("<p>Hi</p>").doesNotContain("script", "onclick", "javascript:", "iframe")
                    .contains("data-blocked-src=\"https://tracker.example/o.gif\"").doesNotContainPattern("\\ssrc=");
        }
    }

    /** Secrets in memory: what the admin routes put there is what the tests look for. */
    static final class InMemorySecrets implements com.helpdesk.core.port.SecretStore {
        final java.util.Map<String, String> values = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void put(String name, String value) {
            values.put(name, value);
        }

        @Override
        public java.util.Optional<String> get(String name) {
            return java.util.Optional.ofNullable(values.get(name));
        }

        @Override
        public void delete(String name) {
            values.remove(name);
        }
    }
}
