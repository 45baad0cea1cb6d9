package com.helpdesk.inboundemail;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The email intake's configuration (InboundEmailFunction in template.yaml), read and checked once at init.
 *
 * @param rawMailPrefix     where the receipt rule's S3 action puts raw mail (its ObjectKeyPrefix)
 * @param floodLimitPerHour messages one sender may send per hour before the rest are collected (FloodLimitPerHour)
 */
record InboundEmailConfig(AwsSettings aws, String tableName, String supportAddress, String filesBucket, URI inboundQueueUrl,
                          String rawMailPrefix, int floodLimitPerHour, String replyKeysSecret) {
    private static final Pattern KEY_PREFIX = Pattern.compile("[^/\\s][^\\s]{0,255}");

    static InboundEmailConfig read(EnvironmentReader env) {
        return env.valid(new InboundEmailConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), HelpdeskVariables.supportAddress(env),
                HelpdeskVariables.filesBucket(env), HelpdeskVariables.inboundQueueUrl(env),
                env.matching("RAW_MAIL_PREFIX", KEY_PREFIX, "an S3 key prefix such as inbound/ (no leading /, no spaces)"),
                env.integer("FLOOD_LIMIT_PER_HOUR", 1, 1_000_000, "messages"), HelpdeskVariables.replyKeysSecret(env)));
    }
}
