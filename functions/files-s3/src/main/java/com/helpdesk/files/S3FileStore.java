package com.helpdesk.files;

import com.helpdesk.core.port.FileStore;
import com.helpdesk.core.privacy.ExportFiles;
import com.helpdesk.core.privacy.PersonalFiles;
import com.helpdesk.runtime.Json;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.Lazy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Files in one bucket: attachments under {@code attachments/<folder>/<uuid>}, raw mail where SES put it, customers' data
 * exports under {@code exports/<store>/}.
 * Each file is written once with its content type and filename as metadata, streamed (see SpooledContent);
 * downloads are presigned GET links that answer with the original filename.
 */
public final class S3FileStore implements FileStore, com.helpdesk.core.port.RawMailStore, PersonalFiles, ExportFiles {
    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;
    private final Path spoolFolder;

    public S3FileStore(S3Client s3, S3Presigner presigner, String bucket) {
        this(() -> s3, () -> presigner, bucket, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param spoolFolder where files longer than a small buffer wait for their upload (Lambda: /tmp) */
    S3FileStore(S3Client s3, S3Presigner presigner, String bucket, Path spoolFolder) {
        this(() -> s3, () -> presigner, bucket, spoolFolder);
    }

    private S3FileStore(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket, Path spoolFolder) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.spoolFolder = spoolFolder;
    }

    /**
     * The store on {@code bucket}, with the S3 client and the link presigner built the same way, each on its first
     * use: a cold start whose request touches no file builds neither.
     */
    public static S3FileStore using(AwsClients aws, String bucket) {
        // an endpoint override (the local stack, LocalStack) serves buckets by path, not by host name
        boolean pathStyle = aws.endpoint("S3").isPresent();
        return new S3FileStore(Lazy.of(() -> aws.build(S3Client.builder().forcePathStyle(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED), "S3")),
                Lazy.of(() -> presigner(aws, pathStyle)), bucket, Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static S3Presigner presigner(AwsClients aws, boolean pathStyle) {
        S3Presigner.Builder p = S3Presigner.builder()
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .credentialsProvider(aws.credentials())
                .region(aws.settings().region());
        aws.endpoint("S3").ifPresent(p::endpointOverride);
        return p.build();
    }

    @Override
    public Attachment save(String folder, String filename, String contentType, String contentId, InputStream content) throws IOException {
        String key = "attachments/" + folder + "/" + UUID.randomUUID();
        String type = contentType == null ? "application/octet-stream" : contentType;
        // S3 wants the length up front: spooled to /tmp past a small buffer, never held whole in the heap
        try (SpooledContent file = SpooledContent.read(content, spoolFolder)) {
            s3.get().putObject(b -> b.bucket(bucket).key(key).contentType(type).contentLength(file.length())
                    .contentDisposition(disposition(filename)), file.body(type));
            return new Attachment(key, filename, type, file.length(), contentId);
        }
    }

    /** The raw message SES stored, as a stream (never read whole). */
    @Override
    public ResponseInputStream<GetObjectResponse> open(String key) {
        return s3.get().getObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public long size(String key) {
        return s3.get().headObject(b -> b.bucket(bucket).key(key)).contentLength();
    }

    @Override
    public URI downloadLink(Attachment file, Duration validFor) {
        var signed = presigner.get().presignGetObject(r -> r.signatureDuration(validFor).getObjectRequest(g -> g.bucket(bucket).key(file.id())
                .responseContentType(file.contentType()).responseContentDisposition(disposition(file.filename()))));
        return URI.create(signed.url().toString());
    }

    /**
     * One DeleteObject per key: a ticket has a handful of files, and S3 answers 204 for a key that is gone, so a
     * retry is safe (DeleteObjects would save requests, at the price of its per-key errors inside a 200).
     */
    @Override
    public void deleteAll(Collection<String> keys) {
        for (String key : keys) s3.get().deleteObject(b -> b.bucket(bucket).key(key));
    }

    /** The export as JSON, encrypted at rest by the bucket's default encryption; its lifecycle rule (exports/) deletes it. */
    @Override
    public void put(String key, Map<String, Object> document) {
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an export is always serialisable", e);
        }
        s3.get().putObject(b -> b.bucket(bucket).key(key).contentType("application/json")
                .contentDisposition(disposition("customer-data-export.json")), RequestBody.fromBytes(json));
    }

    @Override
    public URI link(String key, Duration validFor) {
        return downloadLink(new Attachment(key, "customer-data-export.json", "application/json", 0, null), validFor);
    }

    /** RFC 6266: an ASCII fallback and the UTF-8 name (RFC 5987). */
    static String disposition(String filename) {
        String name = filename == null || filename.isBlank() ? "file" : filename;
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "'").replace("\\", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
