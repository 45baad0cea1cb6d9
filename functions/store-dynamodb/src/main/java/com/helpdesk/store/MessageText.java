package com.helpdesk.store;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A message's text and HTML as table attributes. Long ones are stored together, gzip-compressed, in one binary
 * attribute {@code content}: DynamoDB bills writes per started KB of the item, and a notice's text and HTML carry the
 * same signed survey links twice (2.7 KB in the measured ticket life), which one compressed frame stores about once.
 * AWS's guidance for large items names compression first. Short ones stay the strings {@code body} and {@code html}
 * (gzip's frame does not pay below a few hundred bytes), as every message was stored before, which still reads.
 * The same text always compresses to the same bytes (gzip's header has no timestamp here): conditional message updates
 * compare each attribute with the one rebuilt from what they read. An erased message's {@code content} is the
 * erasure's marker, a string: it reads as the body.
 */
final class MessageText {
    /** Below this many UTF-8 bytes (text and HTML together) a message's text is stored as it is. */
    static final int THRESHOLD = 256;
    static final String CONTENT = "content";

    record Text(String body, String html) {}

    private MessageText() {}

    static void put(Map<String, AttributeValue> item, String body, String html) {
        byte[] b = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        byte[] h = html == null ? null : html.getBytes(StandardCharsets.UTF_8);
        int plain = (b == null ? 0 : b.length) + (h == null ? 0 : h.length);
        if (plain >= THRESHOLD) {
            byte[] packed = gzip(b, h);
            if (packed.length < plain) {
                item.put(CONTENT, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(packed)));
                return;
            }
        }
        if (body != null) item.put("body", AttributeValue.fromS(body));
        if (html != null) item.put("html", AttributeValue.fromS(html));
    }

    static Text get(Map<String, AttributeValue> item) {
        AttributeValue content = item.get(CONTENT);
        if (content == null) return new Text(ItemMapper.str(item, "body"), ItemMapper.str(item, "html"));
        if (content.b() == null) return new Text(content.s(), null);
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(content.b().asInputStream()))) {
            return new Text(read(in), read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("stored attribute " + CONTENT + " is not a message's compressed text", e);
        }
    }

    /** Each part: its UTF-8 length (-1 for none), then its bytes. */
    private static byte[] gzip(byte[] body, byte[] html) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            write(out, body);
            write(out, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, byte[] part) throws IOException {
        out.writeInt(part == null ? -1 : part.length);
        if (part != null) out.write(part);
    }

    private static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) return null;
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
