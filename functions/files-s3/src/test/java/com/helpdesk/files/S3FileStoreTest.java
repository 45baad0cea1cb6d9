package com.helpdesk.files;

import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.localaws.StubAwsEndpoint;
import com.helpdesk.localaws.StubAwsEndpoint.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The file store against an endpoint that answers as S3 does (REST-XML, path-style as the local stack
 * and LocalStack serve it): the object it writes, what it reads back, its download links, and S3's
 * refusals reaching the caller.
 */
class S3FileStoreTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
    private static StubAwsEndpoint aws;
    private static S3Client s3;
    private static S3Presigner presigner;
    private static S3FileStore store;

    @BeforeAll
    static void start() {
        aws = StubAwsEndpoint.start();
        s3 = S3Client.builder().endpointOverride(aws.endpoint()).region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS)
                .forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        presigner = S3Presigner.builder().endpointOverride(aws.endpoint()).region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        store = new S3FileStore(s3, presigner, "helpdesk-files");
    }

    @AfterAll
    static void stop() {
        presigner.close();
        s3.close();
        aws.close();
    }

    private static Answer stored() {
        return new Answer(200, Map.of("ETag", "\"9b2cf535f27731c974343645a3985328\""), new byte[0]);
    }

    @Test
    void aSavedFileIsOneObjectWithItsTypeAndName() throws Exception {
        aws.answer(stored());
        byte[] photo = "not really a jpeg".getBytes(StandardCharsets.UTF_8);
        Attachment a = store.save("tkt_1", "Foto Größe.jpg", "image/jpeg", "cid-1", new ByteArrayInputStream(photo));
        assertThat(a.id()).matches("attachments/tkt_1/[0-9a-f-]{36}");
        assertThat(a).extracting(Attachment::filename, Attachment::contentType, Attachment::size, Attachment::contentId)
                .containsExactly("Foto Größe.jpg", "image/jpeg", (long) photo.length, "cid-1");

        StubAwsEndpoint.Request put = aws.requests().get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("/helpdesk-files/" + a.id());
        assertThat(put.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(put.header("Content-Disposition")).isEqualTo("attachment; filename=\"Foto Gr__e.jpg\"; filename*=UTF-8''Foto%20Gr%C3%B6%C3%9Fe.jpg");
        assertThat(put.header("Authorization")).contains("/eu-west-1/s3/aws4_request");
        assertThat(new String(put.body(), StandardCharsets.UTF_8)).contains("not really a jpeg");
    }

    @Test
    void aLargeFileIsSpooledToDiskAndStreamedWithItsLengthThenTheSpoolIsGone(@TempDir Path spool) throws Exception {
        S3FileStore spooling = new S3FileStore(s3, presigner, "helpdesk-files", spool);
        byte[] video = new byte[SpooledContent.IN_MEMORY_BYTES * 5 + 17];
        new Random(7).nextBytes(video);
        aws.answer(stored());
        Attachment a = spooling.save("tkt_1", "clip.mp4", "video/mp4", null, new ByteArrayInputStream(video));

        assertThat(a.size()).isEqualTo(video.length);
        StubAwsEndpoint.Request put = aws.requests().get(0);
        // a known length, not HTTP-chunked: the HTTP client streams the body instead of buffering it whole
        // (over plain HTTP the SDK signs it in aws-chunked frames, so the wire length is a little more)
        assertThat(put.header("Content-Length")).isEqualTo(String.valueOf(put.body().length));
        assertThat(put.header("Transfer-Encoding")).isNull();
        assertThat(put.header("x-amz-decoded-content-length")).isEqualTo(String.valueOf(video.length));
        assertThat(awsChunkedPayload(put.body())).isEqualTo(video);
        try (var left = Files.list(spool)) {
            assertThat(left).as("the spooled copy is deleted after the upload").isEmpty();
        }
    }

    /** The payload of an aws-chunked body: frames of {@code <hex size>;chunk-signature=...\r\n<data>\r\n}, the last one empty. */
    private static byte[] awsChunkedPayload(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrLf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0], 16);
            if (size == 0) return out.toByteArray();
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrLf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        throw new IllegalArgumentException("no frame header at " + from);
    }

    @Test
    void aSmallFileStaysInMemoryAndALargeOneGoesToDisk(@TempDir Path spool) throws Exception {
        try (SpooledContent small = SpooledContent.read(new ByteArrayInputStream(new byte[SpooledContent.IN_MEMORY_BYTES - 1]), spool);
             SpooledContent exact = SpooledContent.read(new ByteArrayInputStream(new byte[SpooledContent.IN_MEMORY_BYTES]), spool)) {
            assertThat(small.onDisk()).isFalse();
            assertThat(small.length()).isEqualTo(SpooledContent.IN_MEMORY_BYTES - 1);
            assertThat(exact.onDisk()).isTrue();
            assertThat(exact.length()).isEqualTo(SpooledContent.IN_MEMORY_BYTES);
            try (var files = Files.list(spool)) {
                assertThat(files).hasSize(1);
            }
        }
        try (var files = Files.list(spool)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aRefusedUploadOrAFailingSourceLeavesNoSpooledFileBehind(@TempDir Path spool) throws Exception {
        S3FileStore spooling = new S3FileStore(s3, presigner, "helpdesk-files", spool);
        aws.answer(Answer.xmlError(403, "AccessDenied", "Access Denied"));
        assertThatThrownBy(() -> spooling.save("tkt_1", "big.bin", null, null, new ByteArrayInputStream(new byte[300_000])))
                .isInstanceOf(S3Exception.class);
        InputStream broken = new SequenceInputStream(new ByteArrayInputStream(new byte[200_000]), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset while reading the raw mail");
            }
        });
        assertThatThrownBy(() -> spooling.save("tkt_1", "big.bin", null, null, broken)).isInstanceOf(IOException.class)
                .hasMessageContaining("connection reset");
        try (var left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFileOfNoKnownTypeIsStoredAsOctetStream() throws Exception {
        aws.answer(stored());
        assertThat(store.save("tkt_1", null, null, null, new ByteArrayInputStream(new byte[3])).contentType())
                .isEqualTo("application/octet-stream");
        assertThat(aws.requests().get(0).header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(aws.requests().get(0).header("Content-Disposition")).startsWith("attachment; filename=\"file\"");
    }

    @Test
    void rawMailIsStreamedAndItsSizeComesFromAHead() throws Exception {
        byte[] mime = "From: jane@example.com\r\nSubject: Hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
        aws.answer(new Answer(200, Map.of("Content-Type", "message/rfc822", "ETag", "\"e1\""), mime));
        try (InputStream in = store.open("inbound/abc123")) {
            assertThat(in.readAllBytes()).isEqualTo(mime);
        }
        assertThat(aws.requests().get(0).method()).isEqualTo("GET");
        assertThat(aws.requests().get(0).path()).isEqualTo("/helpdesk-files/inbound/abc123");

        aws.answer(new Answer(200, Map.of("Content-Length", "52431", "Content-Type", "message/rfc822", "ETag", "\"e1\""), new byte[0]));
        assertThat(store.size("inbound/abc123")).isEqualTo(52431);
        assertThat(aws.requests().get(0).method()).isEqualTo("HEAD");
    }

    @Test
    void s3RefusalsReachTheCaller() {
        aws.answer(Answer.xmlError(403, "AccessDenied", "Access Denied"));
        assertThatThrownBy(() -> store.save("tkt_1", "a.txt", "text/plain", null, new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(((S3Exception) e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        aws.answer(Answer.xmlError(404, "NoSuchKey", "The specified key does not exist."));
        assertThatThrownBy(() -> store.open("inbound/gone")).isInstanceOf(NoSuchKeyException.class);
        aws.answer(Answer.xmlError(503, "SlowDown", "Please reduce your request rate."));
        assertThatThrownBy(() -> store.open("inbound/abc123")).isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(503));
    }

    @Test
    void aDownloadLinkIsASignedGetThatAnswersWithTheOriginalName() {
        aws.answer();
        Attachment a = new Attachment("attachments/tkt_1/0f8fad5b-d9cb-469f-a165-70867728950e", "Rechnung März.pdf", "application/pdf",
                1024, null);
        URI link = store.downloadLink(a, Duration.ofMinutes(10));
        assertThat(link.getPath()).isEqualTo("/helpdesk-files/" + a.id());
        String query = URLDecoder.decode(link.getRawQuery(), StandardCharsets.UTF_8);
        assertThat(query).contains("X-Amz-Expires=600").contains("X-Amz-Signature=")
                .contains("response-content-type=application/pdf")
                .contains("response-content-disposition=attachment; filename=\"Rechnung M_rz.pdf\"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf");
        assertThat(aws.requests()).as("presigning is local").isEmpty();
    }

    @Test
    void erasureDeletesEveryObjectByItsKeyAndAKeyAlreadyGoneIsNoError() {
        // S3 answers 204 to a DELETE whether the key existed or not
        aws.answer(new Answer(204, Map.of(), new byte[0]), new Answer(204, Map.of(), new byte[0]));
        store.deleteAll(java.util.List.of("attachments/in/abc/0f8fad5b-d9cb-469f-a165-70867728950e", "inbound/raw 1"));
        assertThat(aws.requests()).extracting(StubAwsEndpoint.Request::method).containsExactly("DELETE", "DELETE");
        assertThat(aws.requests()).extracting(StubAwsEndpoint.Request::path)
                .containsExactly("/helpdesk-files/attachments/in/abc/0f8fad5b-d9cb-469f-a165-70867728950e", "/helpdesk-files/inbound/raw%201");

        aws.answer(Answer.xmlError(403, "AccessDenied", "Access Denied"));
        assertThatThrownBy(() -> store.deleteAll(java.util.List.of("inbound/raw-2"))).as("a refusal is not swallowed: the job retries")
                .isInstanceOf(S3Exception.class);
    }

    @Test
    void anExportIsOneJsonObjectAndItsLinkASignedGetThatExpires() {
        aws.answer(stored());
        store.put("exports/demo/abc.json", Map.of("store", "demo", "tickets", java.util.List.of(Map.of("id", "tkt_1"))));
        StubAwsEndpoint.Request put = aws.requests().get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.path()).isEqualTo("/helpdesk-files/exports/demo/abc.json");
        assertThat(put.header("Content-Type")).isEqualTo("application/json");
        assertThat(new String(put.body(), StandardCharsets.UTF_8)).contains("\"tickets\":[{\"id\":\"tkt_1\"}]");

        URI link = store.link("exports/demo/abc.json", Duration.ofHours(12));
        assertThat(link.getPath()).isEqualTo("/helpdesk-files/exports/demo/abc.json");
        assertThat(URLDecoder.decode(link.getRawQuery(), StandardCharsets.UTF_8)).contains("X-Amz-Expires=43200")
                .contains("response-content-type=application/json");
    }

    @Test
    void theDispositionKeepsQuotesAndBackslashesOutOfTheQuotedName() {
        assertThat(S3FileStore.disposition("a\"b\\c.txt")).isEqualTo("attachment; filename=\"a'b_c.txt\"; filename*=UTF-8''a%22b%5Cc.txt");
        assertThat(S3FileStore.disposition(" ")).startsWith("attachment; filename=\"file\"");
    }
}
