package com.helpdesk.bench;

import com.helpdesk.core.email.Email;
import com.helpdesk.core.port.EmailParser;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.mail.MimeParser;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

/**
 * How much heap reading a 25 MB message with attachments takes, as the inbound function reads it
 * (streamed from storage; each attachment buffered alone, as S3FileStore did before it spooled to /tmp; the heap part measures the function as it is now) next to a
 * baseline that first loads the whole message into memory. Peak live heap is sampled after a full GC
 * at the moments each variant holds the most (while an attachment is buffered), so the figure is
 * retained memory, not garbage that happens to await collection.
 *
 * <p>Run: {@code java -Xmx256m -jar infra/bench/target/bench.jar mail [megabytes]} (both variants in the same
 * JVM, one after the other, three rounds each).
 */
public final class MailParsingBench {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    static void run(Report report, String[] args) throws Exception {
        int megabytes = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 25;
        Path message = Files.createTempFile("bench-mail", ".eml");
        try {
            write(message, megabytes * 1024L * 1024L);
            long size = Files.size(message);
            System.out.printf("message: %.1f MB (%d bytes), 4 attachments%n", size / 1048576.0, size);
            java.util.List<Long> peaks = new java.util.ArrayList<>();
            java.util.List<Long> baselinePeaks = new java.util.ArrayList<>();
            for (int round = 1; round <= 3; round++) {
                Result streamed = streamed(message);
                Result baseline = wholeInMemory(message);
                System.out.printf("round %d  streamed: peak live +%.1f MB (%.2f x message), %d ms | baseline (whole message in memory): "
                                + "peak live +%.1f MB (%.2f x message), %d ms | ratio streamed/baseline %.2f%n",
                        round, streamed.peak / 1048576.0, streamed.peak / (double) size, streamed.millis,
                        baseline.peak / 1048576.0, baseline.peak / (double) size, baseline.millis, streamed.peak / (double) baseline.peak);
                peaks.add(streamed.peak);
                baselinePeaks.add(baseline.peak);
            }
            double peak = Report.median(peaks);
            double largestAttachment = size / 4 * 3 / 4.0; // four equal base64 attachments
            report.add("mail", "peak live heap parsing a " + megabytes + " MB mail / its largest attachment",
                    String.format("%.1f MB", peak / 1048576.0), String.format("%.1f MB", largestAttachment / 1048576.0),
                    peak / largestAttachment, "<= 1.2x");
            report.add("mail", "peak live heap streamed / whole message in memory", String.format("%.1f MB", peak / 1048576.0),
                    String.format("%.1f MB", Report.median(baselinePeaks) / 1048576.0), peak / Report.median(baselinePeaks), "-");
        } finally {
            Files.deleteIfExists(message);
        }
    }

    private record Result(long peak, long millis) {}

    /** The inbound function's way: a stream from storage, one attachment buffered at a time. */
    private static Result streamed(Path message) throws IOException {
        long base = liveHeap();
        Peak peak = new Peak(base);
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(message)) {
            Email mail = new MimeParser().parse(in, sink(peak));
            check(mail);
        }
        return new Result(peak.max, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The naive way: read the whole object, then parse it from memory. */
    private static Result wholeInMemory(Path message) throws IOException {
        long base = liveHeap();
        Peak peak = new Peak(base);
        long t0 = System.nanoTime();
        byte[] all = Files.readAllBytes(message);
        Email mail = new MimeParser().parse(new ByteArrayInputStream(all), sink(peak));
        check(mail);
        peak.sample();
        if (all.length == 0) throw new IllegalStateException();
        return new Result(peak.max, (System.nanoTime() - t0) / 1_000_000);
    }

    private static EmailParser.AttachmentSink sink(Peak peak) {
        return (filename, type, cid, content) -> {
            byte[] buffered = content.readAllBytes(); // what S3FileStore held for its PUT before it spooled to /tmp
            peak.sample();
            return new Attachment("bench/" + filename, filename, type, buffered.length, cid);
        };
    }

    private static void check(Email mail) {
        if (mail.attachments().size() != 4 || mail.text().isBlank()) throw new IllegalStateException("parse went wrong: " + mail.attachments());
    }

    private static final class Peak {
        final long base;
        long max;

        Peak(long base) {
            this.base = base;
        }

        void sample() {
            max = Math.max(max, liveHeap() - base);
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 2; i++) System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** A realistic big mail: text and HTML, then four base64 attachments filling it to the size asked. */
    static void write(Path file, long targetBytes) throws IOException {
        Random random = new Random(42);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("From: Big Sender <big@example.com>\r\nTo: support@help.example.com\r\nSubject: Photos of the damage\r\n"
                    + "Message-ID: <bench@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"bench\"\r\n\r\n"
                    + "--bench\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                    + "Here are the photos of the damaged furniture.\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                    + "<p>Here are the photos of the damaged furniture.</p>\r\n--alt--\r\n").getBytes(StandardCharsets.US_ASCII));
            long perAttachment = (targetBytes - 2048) / 4 * 3 / 4; // base64 grows by 4/3
            Base64.Encoder mime = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int a = 1; a <= 4; a++) {
                out.write(("--bench\r\nContent-Type: image/jpeg; name=\"photo-" + a + ".jpg\"\r\nContent-Disposition: attachment; filename=\"photo-"
                        + a + ".jpg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[57 * 1024];
                long written = 0;
                while (written < perAttachment) {
                    random.nextBytes(chunk);
                    int n = (int) Math.min(chunk.length, perAttachment - written);
                    byte[] part = n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n);
                    out.write(mime.encode(part));
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    written += n;
                }
            }
            out.write("--bench--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
