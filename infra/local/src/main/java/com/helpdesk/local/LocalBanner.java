package com.helpdesk.local;

import com.helpdesk.local.s3.LocalS3;
import com.helpdesk.local.ses.LocalSes;
import com.helpdesk.local.shopify.LocalShopify;
import com.helpdesk.local.ssm.LocalParameterStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the local stack prints once it is up: every endpoint it serves, and how to call the API. */
final class LocalBanner {
    private LocalBanner() {}

    static List<String> lines(LocalStack stack, String host, Path template, long startMillis, String adminToken, boolean verbose) {
        String base = "http://" + (host.equals("127.0.0.1") ? "localhost" : host) + ":" + stack.port();
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("Helpdesk local stack ready in " + startMillis + " ms");
        out.add(row("console", base + "/  (the agent console: sign in with any agent id)"));
        out.add(row("API", base + "  (" + stack.routes().size() + " routes from " + template + "; described at " + base + "/openapi.yaml)"));
        out.add(row("functions", String.join(", ", stack.functionIds())));
        out.add(row("DynamoDB Local", stack.dynamoDbEndpoint().toString()));
        out.add(row("ElasticMQ (SQS)", stack.sqsEndpoint().toString()));
        out.add(row("EventBridge", base + "/_aws/events"));
        out.add(row("S3", base + LocalS3.PATH));
        out.add(row("SES", base + LocalSes.PATH + "  (mail lands in GET /_local/outbox)"));
        out.add(row("SSM parameters", base + LocalParameterStore.PATH));
        out.add(row("chat providers", base + LocalSes.CHAT_PATH));
        out.add(row("Shopify stub", base + LocalShopify.PATH + "/admin/api/2026-10/graphql.json"));
        boolean first = true;
        for (String route : LocalEndpoints.ROUTES) {
            out.add(row(first ? "control" : "", route));
            first = false;
        }
        out.add(row("admin token", adminToken));
        out.add((verbose ? "Logging one line per request. " : "--verbose logs one line per request. ") + "Ctrl-C stops it.");
        return out;
    }

    private static String row(String label, String value) {
        return String.format("  %-16s %s", label, value);
    }
}
