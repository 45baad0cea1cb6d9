package com.helpdesk.autoclose;

import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.runtime.SnapStartPriming;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The SnapStart primer reads the (always empty) page of tickets resolved before 1970 and a never-issued ticket: nothing else. */
class AutoClosePrimingTest {
    @Test
    void readsOnlyAndCommitsNothing() {
        List<String> calls = new ArrayList<>();
        TicketRepository repository = (TicketRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{TicketRepository.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + (method.getName().equals("findTicket") ? " " + args[0] : ""));
                    return switch (method.getName()) {
                        case "resolvedBefore" -> new TicketPage(List.of(), null);
                        case "findTicket" -> Optional.empty();
                        default -> throw new AssertionError("priming called " + method.getName());
                    };
                });

        AutoCloseWiring.prime(repository);

        assertThat(calls).containsExactly("resolvedBefore", "findTicket " + SnapStartPriming.NEVER_ISSUED_TICKET);
    }
}
