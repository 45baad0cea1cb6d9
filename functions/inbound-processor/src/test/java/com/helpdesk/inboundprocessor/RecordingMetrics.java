package com.helpdesk.inboundprocessor;

import com.helpdesk.core.port.OperationalMetrics;

import java.util.ArrayList;
import java.util.List;

/** Keeps every count as "Metric:breakdown" (EventsRelayed: "EventsRelayed:n"), in order. */
final class RecordingMetrics implements OperationalMetrics {
    final List<String> recorded = new ArrayList<>();

    @Override public void inboundMessage(String outcome) { recorded.add("InboundMessages:" + outcome); }
    @Override public void replySent(String channel) { recorded.add("RepliesSent:" + channel); }
    @Override public void replyFailed(String channel) { recorded.add("RepliesFailed:" + channel); }
    @Override public void eventsRelayed(int count) { recorded.add("EventsRelayed:" + count); }
    @Override public void deadLetterParked(String reason) { recorded.add("DeadLetterParks:" + reason); }
}
