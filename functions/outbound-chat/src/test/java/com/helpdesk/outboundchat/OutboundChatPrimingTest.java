package com.helpdesk.outboundchat;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.port.OperationalMetrics;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.queue.QueueBackoff;
import com.helpdesk.queue.QueuePriming;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/** The SnapStart primer asks for the delivery of a reply on the never-issued ticket and nothing else: no backoff, no metric. */
class OutboundChatPrimingTest {
    @Test
    void deliversOnTheNeverIssuedTicketOnlyAndSendsNothing() {
        OutboundDelivery sender = mock(OutboundDelivery.class);
        QueueBackoff backoff = mock(QueueBackoff.class);
        OperationalMetrics metrics = mock(OperationalMetrics.class);
        when(sender.deliver(any(), any())).thenThrow(new NotFoundException("no ticket " + QueuePriming.NEVER_ISSUED_TICKET));

        new OutboundChatHandler(sender, backoff, metrics).prime();

        verify(sender).deliver(QueuePriming.NEVER_ISSUED_TICKET, "msg_00000000000000000000000000");
        verifyNoMoreInteractions(sender);
        verifyNoInteractions(backoff, metrics);
    }
}
