package com.helpdesk.api;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.time.Duration;

/** The ticket API's configuration (TicketApiFunction in template.yaml), read and checked once at init. */
record TicketApiConfig(AwsSettings aws, String tableName, String filesBucket, String secretsPrefix, Duration csatWindow,
                       java.time.ZoneId slaDefaultTimeZone, String cursorKeysSecret, String csatKeysSecret) {
    static TicketApiConfig read(EnvironmentReader env) {
        return env.valid(new TicketApiConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), HelpdeskVariables.filesBucket(env),
                HelpdeskVariables.secretsPrefix(env), HelpdeskVariables.csatWindow(env), HelpdeskVariables.slaDefaultTimeZone(env),
                HelpdeskVariables.cursorKeysSecret(env), HelpdeskVariables.csatKeysSecret(env)));
    }
}
