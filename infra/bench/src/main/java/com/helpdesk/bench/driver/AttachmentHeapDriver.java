package com.helpdesk.bench.driver;

import com.helpdesk.core.email.Email;
import com.helpdesk.files.S3FileStore;
import com.helpdesk.mail.MimeParser;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.InputStream;
import java.net.URI;

/**
 * Runs in a fresh JVM next to the inbound email function's jar, with the heap limit under test: reads one raw
 * mail from S3 and stores its attachments in S3 exactly as MailReception does (the function's MimeParser and
 * S3FileStore, from its jar), then exits 0; exits 3 when the heap was too small. The bench finds the smallest
 * heap that works for each attachment size.
 *
 * <p>Usage: {@code java -Xmx..m -cp coldstart-driver.jar:function.jar AttachmentHeapDriver <s3 endpoint> <bucket> <key>}
 */
public final class AttachmentHeapDriver {
    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
             S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                     .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            S3FileStore files = new S3FileStore(s3, presigner, args[1]);
            Email mail;
            try (InputStream in = files.open(args[2])) {
                mail = new MimeParser().parse(in, (filename, type, cid, content) -> files.save("mail/bench", filename, type, cid, content));
            }
            long stored = mail.attachments().stream().mapToLong(a -> a.size()).sum();
            System.out.println("HEAP ok attachments=" + mail.attachments().size() + " bytes=" + stored);
        } catch (OutOfMemoryError e) {
            System.out.println("HEAP oom");
            System.exit(3);
        }
        System.exit(0);
    }
}
