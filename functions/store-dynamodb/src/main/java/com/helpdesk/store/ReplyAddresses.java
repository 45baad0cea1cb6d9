package com.helpdesk.store;

import com.helpdesk.core.email.ReplyAddress;

/** The signed reply addresses, keyed by a secret kept in the table: the intake and the sender must agree on it. */
public final class ReplyAddresses {
    static final String SECRET_NAME = "reply-address-key";

    private ReplyAddresses() {}

    public static ReplyAddress of(DynamoDbTicketRepository repository, String supportAddress) {
        return new ReplyAddress(repository.secret(SECRET_NAME), supportAddress);
    }
}
