package com.helpdesk.outboundemail;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.email.EmailNotices;
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

/** The SnapStart primer asks for a delivery and a resolution notice on the never-issued ticket and nothing else. */
class OutboundEmailPrimingTest {
    @Test
    void readsOnTheNeverIssuedTicketOnlyAndMailsNothing() {
        OutboundDelivery sender = mock(OutboundDelivery.class);
        EmailNotices notices = mock(EmailNotices.class);
        QueueBackoff backoff = mock(QueueBackoff.class);
        OperationalMetrics metrics = mock(OperationalMetrics.class);
        NotFoundException none = new NotFoundException("no ticket " + QueuePriming.NEVER_ISSUED_TICKET);
        when(sender.deliver(any(), any())).thenThrow(none);
        when(notices.resolved(any())).thenThrow(none);

        new OutboundEmailHandler(sender, notices, backoff, metrics).prime();

        verify(sender).deliver(QueuePriming.NEVER_ISSUED_TICKET, "msg_00000000000000000000000000");
        verify(notices).resolved(QueuePriming.NEVER_ISSUED_TICKET);
        verifyNoMoreInteractions(sender, notices);
        verifyNoInteractions(backoff, metrics);
    }
}
