package com.helpdesk.orderlookup;

import com.helpdesk.core.orders.CustomerOrdersRefresh;
import com.helpdesk.core.orders.OrderContextRefresh.Outcome;
import com.helpdesk.core.orders.OrderWebhookQueue;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.orders.TicketOrderLookup;
import com.helpdesk.core.orders.WebhookDeliveries;
import com.helpdesk.core.port.SecretStore;
import com.helpdesk.core.privacy.CustomerDataExport;
import com.helpdesk.core.privacy.CustomerRedaction;
import com.helpdesk.core.privacy.ShopErasure;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.queue.QueuePriming;
import com.helpdesk.shopify.ShopifyWebhookReception;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/** The SnapStart primers of the order lookup queue and of the Shopify webhook read only and enqueue, store and send nothing. */
class OrderLookupPrimingTest {
    @Test
    void theLookupPrimerLooksUpTheNeverIssuedTicketOnly() {
        TicketOrderLookup lookup = mock(TicketOrderLookup.class);
        CustomerOrdersRefresh webhooks = mock(CustomerOrdersRefresh.class);
        CustomerRedaction redaction = mock(CustomerRedaction.class);
        CustomerDataExport exports = mock(CustomerDataExport.class);
        ShopErasure shops = mock(ShopErasure.class);
        OrderWebhookQueue continuations = mock(OrderWebhookQueue.class);
        QueueBackoff backoff = mock(QueueBackoff.class);
        DeadLetters deadLetters = mock(DeadLetters.class);
        when(lookup.run(anyString(), any(), anyBoolean())).thenReturn(new Outcome.Skipped("no ticket " + QueuePriming.NEVER_ISSUED_TICKET));
        OrderLookupHandler handler = new OrderLookupHandler(lookup, webhooks, redaction, exports, shops, continuations, backoff, deadLetters, 3);

        handler.prime();

        verify(lookup).run(QueuePriming.NEVER_ISSUED_TICKET, null, false);
        verifyNoMoreInteractions(lookup);
        verifyNoInteractions(webhooks, redaction, exports, shops, continuations, backoff, deadLetters);
    }

    @Test
    void theLookupPrimerFailsWhenTheTicketIsFound() {
        TicketOrderLookup lookup = mock(TicketOrderLookup.class);
        when(lookup.run(anyString(), any(), anyBoolean())).thenReturn(new Outcome.NoStore());
        OrderLookupHandler handler = new OrderLookupHandler(lookup, mock(CustomerOrdersRefresh.class), mock(CustomerRedaction.class),
                mock(CustomerDataExport.class), mock(ShopErasure.class), mock(OrderWebhookQueue.class), mock(QueueBackoff.class), mock(DeadLetters.class), 3);

        assertThatThrownBy(handler::prime).isInstanceOf(IllegalStateException.class).hasMessageContaining("expected no ticket");
    }

    @Test
    void theShopifyWebhookPrimerReadsTheNeverStoredStoreOnly() {
        StoreRepository stores = mock(StoreRepository.class);
        SecretStore secrets = mock(SecretStore.class);
        WebhookDeliveries deliveries = mock(WebhookDeliveries.class);
        OrderWebhookQueue queue = mock(OrderWebhookQueue.class);
        when(stores.find(anyString())).thenReturn(Optional.empty());

        ShopifyWebhookPriming.prime(new ShopifyWebhookReception(stores, secrets, "/helpdesk", deliveries, queue, Clock.systemUTC()));

        verify(stores).find(ShopifyWebhookPriming.NEVER_STORE);
        verifyNoMoreInteractions(stores);
        verifyNoInteractions(secrets, deliveries, queue);
    }
}
