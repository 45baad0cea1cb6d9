package com.helpdesk.local;

import com.helpdesk.local.lambda.LocalFunctions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalConcurrencyTest {
    /** Each poller of an SQS mapping gets an execution environment of its own, as in Lambda: none waits for another's. */
    @Test
    void everyPollerOfAMappingHasAnInstanceOfItsOwn() {
        assertThat(LocalFunctions.MAX_INSTANCES).isGreaterThanOrEqualTo(LocalStack.LOCAL_SQS_CONCURRENCY);
    }
}
