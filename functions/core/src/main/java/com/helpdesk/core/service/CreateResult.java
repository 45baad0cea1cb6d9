package com.helpdesk.core.service;

import com.helpdesk.core.ticket.TicketThread;

/** The created ticket; {@code replayed} when an idempotent retry returned the ticket made the first time. */
public record CreateResult(TicketThread thread, boolean replayed) {}
