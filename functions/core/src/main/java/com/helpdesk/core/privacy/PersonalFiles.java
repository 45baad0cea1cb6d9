package com.helpdesk.core.privacy;

import java.util.Collection;

/**
 * The object storage of a ticket's files (attachments, the raw mail a message came in), for erasure: the table
 * only points at them, so erasing the pointers alone would leave the customer's files behind.
 */
public interface PersonalFiles {
    /** Deletes the objects with these keys; a key that is already gone is not an error, so a retry is safe. */
    void deleteAll(Collection<String> keys);
}
