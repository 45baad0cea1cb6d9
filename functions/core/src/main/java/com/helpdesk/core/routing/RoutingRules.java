package com.helpdesk.core.routing;

import java.util.List;
import java.util.Optional;

/** Where routing rules are kept: a handful per deployment, read whole for every ticket routed. */
public interface RoutingRules {
    Optional<RoutingRule> find(String id);

    List<RoutingRule> list();

    void save(RoutingRule rule);

    /** @return whether there was such a rule */
    boolean delete(String id);
}
