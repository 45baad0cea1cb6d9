package com.helpdesk.bench.jmh;

import com.helpdesk.core.email.Email;
import com.helpdesk.core.email.EmailIntake;
import com.helpdesk.core.email.QuotedText;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.sla.BusinessCalendar;
import com.helpdesk.core.sla.OpeningInterval;
import com.helpdesk.mail.MimeParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pure paths every inbound message or SLA tick runs through: MIME parsing, quoted-reply stripping, the
 * threading decision (an Email to an InboundMessage with its thread keys), business-time arithmetic.
 * Run: {@code java -jar infra/bench/target/bench.jar jmh} (JMH's own options after "jmh").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathsBench {
    /** A reply as mail clients write it: the customer's text over an attribution line and the quoted thread. */
    static final String REPLY = "From: Anna Schmidt <anna.schmidt@example.com>\r\nTo: Shop Support <support@help.example.com>\r\n"
            + "Subject: Re: [#1042] Damaged vase in order 4711\r\nMessage-ID: <reply-1@mail.example.com>\r\n"
            + "In-Reply-To: <ticket-1042@help.example.com>\r\nReferences: <first@mail.example.com> <ticket-1042@help.example.com>\r\n"
            + "Date: Tue, 24 Nov 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
            + "--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + "Thanks, a new one would be great. Photos attached earlier.\r\n\r\n"
            + "On Mon, 23 Nov 2026 at 11:02, Shop Support <support@help.example.com> wrote:\r\n"
            + "> Hello Anna,\r\n> we are sorry the vase arrived broken. Shall we send a new one or refund you?\r\n> Best, Bob\r\n>\r\n"
            + "> > The vase in order 4711 arrived broken.\r\n"
            + "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<div>Thanks, a new one would be great.</div><blockquote>Hello Anna</blockquote>\r\n"
            + "--alt--\r\n";

    private byte[] raw;
    private Email parsed;
    private EmailIntake intake;
    private EmailIntake.Receipt receipt;
    private BusinessCalendar calendar;
    private Instant fridayEvening;

    @Setup
    public void setUp() throws IOException {
        raw = REPLY.getBytes(StandardCharsets.UTF_8);
        parsed = new MimeParser().parse(new ByteArrayInputStream(raw), MimeParser.DISCARD);
        intake = new EmailIntake(new ReplyAddress("bench-key-bench-key-bench-key-32".getBytes(StandardCharsets.UTF_8),
                "support@help.example.com"), List.of("support@help.example.com"));
        receipt = new EmailIntake.Receipt("bench", List.of("support@help.example.com"), "anna.schmidt@example.com",
                Instant.parse("2026-11-24T08:00:00Z"), null, null);
        Map<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekly.put(d, List.of(new OpeningInterval(9 * 60, 12 * 60), new OpeningInterval(13 * 60, 17 * 60)));
        }
        calendar = new BusinessCalendar("berlin-office", "Berlin office", ZoneId.of("Europe/Berlin"), weekly,
                List.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 31)));
        fridayEvening = Instant.parse("2026-12-18T16:30:00Z");
    }

    @Benchmark
    public Email mimeParse() throws IOException {
        return new MimeParser().parse(new ByteArrayInputStream(raw), MimeParser.DISCARD);
    }

    @Benchmark
    public String quotedReplyStripping() {
        return QuotedText.visible(parsed.text());
    }

    @Benchmark
    public InboundMessage threadingDecision() {
        return intake.toInbound(parsed, receipt, false);
    }

    @Benchmark
    public Instant businessTimeAddAcrossHolidays() {
        return calendar.add(fridayEvening, Duration.ofHours(16));
    }
}
