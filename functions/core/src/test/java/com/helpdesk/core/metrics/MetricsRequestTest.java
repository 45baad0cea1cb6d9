package com.helpdesk.core.metrics;

import com.helpdesk.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsRequestTest {

    private static ValidationException refused(Map<String, String> q) {
        return (ValidationException) org.assertj.core.api.Assertions.catchThrowable(() -> MetricsRequest.parse(q));
    }

    @Test
    void aRangeWithDefaultsParses() {
        MetricsRequest r = MetricsRequest.parse(Map.of("from", "2026-11-01", "to", "2026-11-30"));
        assertThat(r.groupBy()).isEqualTo(MetricsRequest.GroupBy.DAY);
        assertThat(r.days()).hasSize(30).startsWith(LocalDate.parse("2026-11-01"));
        assertThat(MetricsRequest.parse(Map.of("from", "2026-01-01", "to", "2026-12-31", "groupBy", "agent", "agent", "alice")).filterValue()).isEqualTo("alice");
    }

    @Test
    void badInputNamesTheField() {
        assertThat(refused(Map.of("from", "2026-11-30", "to", "2026-11-01")).errors()).extracting(ValidationException.FieldError::field).containsExactly("to");
        assertThat(refused(Map.of("from", "2025-01-01", "to", "2026-01-02")).errors().get(0).reason()).contains("366");
        assertThat(refused(Map.of("from", "2026-02-30", "to", "2026-11-01")).errors()).extracting(ValidationException.FieldError::field).containsExactly("from");
        assertThat(refused(Map.of("from", "20261101", "to", "2026-11-01")).errors()).extracting(ValidationException.FieldError::field).containsExactly("from");
        assertThat(refused(Map.of("to", "2026-11-01")).errors()).extracting(ValidationException.FieldError::field).containsExactly("from");
        assertThat(refused(Map.of("from", "2026-11-01", "to", "2026-11-02", "groupBy", "month")).errors())
                .extracting(ValidationException.FieldError::field).containsExactly("groupBy");
        assertThat(refused(Map.of("from", "2026-11-01", "to", "2026-11-02", "groupBy", "agent", "channel", "email")).errors())
                .extracting(ValidationException.FieldError::field).containsExactly("groupBy");
        assertThat(refused(Map.of("from", "2026-11-01", "to", "2026-11-02", "channel", "email", "intent", "wismo")).errors())
                .extracting(ValidationException.FieldError::field).containsExactly("intent");
    }

    @Test
    void aLeapYearSpanOf366DaysIsAllowed() {
        assertThat(MetricsRequest.parse(Map.of("from", "2028-01-01", "to", "2028-12-31")).days()).hasSize(366);
        assertThatThrownBy(() -> MetricsRequest.parse(Map.of("from", "2028-01-01", "to", "2029-01-01"))).isInstanceOf(ValidationException.class);
    }
}
