package com.helpdesk.store;

import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.runtime.LambdaEnvironment;
import com.helpdesk.runtime.RuntimeClock;

import java.time.Duration;

/**
 * The survey service as every function on this table builds it: the link-signing key kept in the
 * table (so the agents' API that hands out links and the public survey that checks them agree), and
 * the window from CSAT_WINDOW_DAYS (template parameter CsatWindowDays).
 */
public final class CsatSurveys {
    static final String KEY = "csat-key";

    private CsatSurveys() {}

    public static CsatService fromEnvironment(DynamoDbTicketRepository repository) {
        return new CsatService(repository, new CsatToken(repository.secret(KEY)), new UlidGenerator(RuntimeClock.get()),
                RuntimeClock.get(), Duration.ofDays(Long.parseLong(LambdaEnvironment.get("CSAT_WINDOW_DAYS").orElse("7"))));
    }
}
