package com.helpdesk.orderlookup;

import com.helpdesk.localaws.CfnYaml;
import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OrderLookupConfig read from what template.yaml gives OrderLookupFunction, and the composition root built from it. */
class OrderLookupWiringTest {
    private static final String FUNCTION = "OrderLookupFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        OrderLookupConfig config = OrderLookupConfig.forQueue(env);
        assertThat(config.shopifyEndpoint()).as("real shops by default").isEmpty();
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.deadLetterQueueUrl()).isPresent();
        assertThat(OrderLookupWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void theApiFunctionBuildsFromItsVariablesWithoutAQueue() {
        String function = "OrdersApiFunction";
        EnvironmentReader env = EnvironmentReader.of(template.lambdaEnvironment(function));
        OrderLookupConfig config = OrderLookupConfig.forApi(env);
        assertThat(config.deadLetterQueueUrl()).isEmpty();
        OrderLookupWiring wiring = OrderLookupWiring.build(config, Clock.systemUTC());
        assertThat(wiring.stores()).isNotNull();
        assertThat(wiring.lookup()).isNotNull();
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(function).keySet())
                .containsAll(template.ownFor(function).keySet());
    }

    @Test
    void theWebhookFunctionBuildsFromItsVariablesAndQueuesToTheLookupQueue() {
        String function = "ShopifyWebhookFunction";
        EnvironmentReader env = EnvironmentReader.of(template.lambdaEnvironment(function));
        ShopifyWebhookConfig config = ShopifyWebhookConfig.read(env);
        assertThat(config.orderLookupQueueUrl()).isNotNull();
        assertThat(ShopifyWebhookWiring.build(config, Clock.systemUTC()).reception()).isNotNull();
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(function).keySet())
                .containsAll(template.ownFor(function).keySet());
    }

    @Test
    void attemptsStayBelowTheQueuesMaxReceiveCountSoTheFunctionParksWithTheReasonItself() throws Exception {
        Map<String, Object> doc = CfnYaml.parse(Files.readString(Path.of(System.getProperty("helpdesk.root", "../..")).resolve("template.yaml")));
        Map<?, ?> queue = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) doc.get("Resources")).get("OrderLookupQueue")).get("Properties");
        int maxReceiveCount = Integer.parseInt(String.valueOf(((Map<?, ?>) queue.get("RedrivePolicy")).get("maxReceiveCount")));
        assertThat(Integer.parseInt(variables.get("MAX_LOOKUP_ATTEMPTS"))).isLessThan(maxReceiveCount);
    }

    @Test
    void aMalformedVariableFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("ORDER_CACHE_TTL_SECONDS", "10m");
        env.put("SHOPIFY_ENDPOINT_URL", "stub-shop");
        assertThatThrownBy(() -> OrderLookupConfig.forQueue(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("ORDER_CACHE_TTL_SECONDS is '10m'")
                .hasMessageContaining("SHOPIFY_ENDPOINT_URL is 'stub-shop'");
    }
}
