package com.helpdesk.files;

import com.helpdesk.core.port.FileStore;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.runtime.AwsClients;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Files in one bucket: attachments under {@code attachments/<folder>/<uuid>}, raw mail where SES put it.
 * Each file is written once with its content type and filename as metadata, streamed (see SpooledContent);
 * downloads are presigned GET links that answer with the original filename.
 */
public final class S3FileStore implements FileStore, com.helpdesk.core.port.RawMailStore {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Path spoolFolder;

    public S3FileStore(S3Client s3, S3Presigner presigner, String bucket) {
        this(s3, presigner, bucket, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param spoolFolder where files longer than a small buffer wait for their upload (Lambda: /tmp) */
    S3FileStore(S3Client s3, S3Presigner presigner, String bucket, Path spoolFolder) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.spoolFolder = spoolFolder;
    }

    /** The store on {@code bucket}, with the S3 client and the link presigner built the same way. */
    public static S3FileStore using(AwsClients aws, String bucket) {
        // an endpoint override (the local stack, LocalStack) serves buckets by path, not by host name
        boolean pathStyle = aws.endpoint("S3").isPresent();
        var builder = S3Client.builder().forcePathStyle(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        S3Client s3 = aws.build(builder, "S3");
        S3Presigner.Builder p = S3Presigner.builder()
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .credentialsProvider(aws.credentials())
                .region(aws.settings().region());
        aws.endpoint("S3").ifPresent(p::endpointOverride);
        return new S3FileStore(s3, p.build(), bucket);
    }

    @Override
    public Attachment save(String folder, String filename, String contentType, String contentId, InputStream content) throws IOException {
        String key = "attachments/" + folder + "/" + UUID.randomUUID();
        String type = contentType == null ? "application/octet-stream" : contentType;
        // S3 wants the length up front: spooled to /tmp past a small buffer, never held whole in the heap
        try (SpooledContent file = SpooledContent.read(content, spoolFolder)) {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(type).contentLength(file.length())
                    .contentDisposition(disposition(filename)), file.body(type));
            return new Attachment(key, filename, type, file.length(), contentId);
        }
    }

    /** The raw message SES stored, as a stream (never read whole). */
    @Override
    public ResponseInputStream<GetObjectResponse> open(String key) {
        return s3.getObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public long size(String key) {
        return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
    }

    @Override
    public URI downloadLink(Attachment file, Duration validFor) {
        var signed = presigner.presignGetObject(r -> r.signatureDuration(validFor).getObjectRequest(g -> g.bucket(bucket).key(file.id())
                .responseContentType(file.contentType()).responseContentDisposition(disposition(file.filename()))));
        return URI.create(signed.url().toString());
    }

    /** RFC 6266: an ASCII fallback and the UTF-8 name (RFC 5987). */
    static String disposition(String filename) {
        String name = filename == null || filename.isBlank() ? "file" : filename;
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "'").replace("\\", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
