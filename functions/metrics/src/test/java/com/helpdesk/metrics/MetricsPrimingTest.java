package com.helpdesk.metrics;

import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Status;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The census's SnapStart primer reads one page of the open queue and nothing else (a census stores the day's backlog). */
class MetricsPrimingTest {
    @Test
    void theCensusPrimerReadsOnePageOnly() {
        List<Object> calls = new ArrayList<>();
        TicketRepository tickets = (TicketRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{TicketRepository.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("list")) throw new AssertionError("priming called " + method.getName());
                    calls.add(args[0]);
                    return new TicketPage(List.of(), null);
                });

        MetricsPriming.primeCensus(tickets);

        assertThat(calls).containsExactly(new TicketQuery(Status.OPEN, null, null, null));
    }
}
