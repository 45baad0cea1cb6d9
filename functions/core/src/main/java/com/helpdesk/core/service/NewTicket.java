package com.helpdesk.core.service;

import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Visibility;

import java.util.List;

/**
 * A request to open a ticket with its first message. Nullable: priority (normal), tags, assignee,
 * group, status (new, or open when assigned), visibility (public), html, attachments.
 */
public record NewTicket(
        String subject,
        Requester requester,
        Channel channel,
        Priority priority,
        List<String> tags,
        String assignee,
        String group,
        Status status,
        String body,
        String html,
        Visibility visibility,
        List<Attachment> attachments) {}
