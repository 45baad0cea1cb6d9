package com.helpdesk.core.port;

import java.io.IOException;
import java.io.InputStream;

/** Where the receiving service put each raw message (SES: the receipt rule's S3 action). */
public interface RawMailStore {
    InputStream open(String key) throws IOException;

    long size(String key) throws IOException;
}
