package com.helpdesk.core.service;

import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Visibility;

import java.util.List;

/** A message to add to a ticket's thread. Nullable: html, channel (the ticket's), attachments. */
public record NewMessage(String body, String html, Visibility visibility, Channel channel, List<Attachment> attachments) {}
