package com.helpdesk.core.privacy;

import java.net.URI;
import java.time.Instant;

/**
 * The event that answers a {@code customers/data_request}: where the export is and until when its link works. It names
 * the customer only by Shopify's id (what the request named them by), never by email or phone.
 *
 * @param exportId  the request's key: the store and Shopify's event id, stable across redeliveries
 * @param objectKey the export's key in the files bucket (a new link can be signed from it: docs/runbook.md)
 */
public record CustomerDataExported(String eventId, String exportId, String store, String shopifyCustomerId, int tickets,
                                   String objectKey, URI link, Instant linkExpiresAt, Instant occurredAt) {}
