package com.helpdesk.slaadmin;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.time.ZoneId;

/**
 * The SLA admin function's configuration (SlaAdminFunction in template.yaml), read and checked once at init.
 *
 * @param defaultTimeZone the zone of the calendar that ships with the stack (template parameter SlaDefaultTimeZone)
 */
record SlaAdminConfig(AwsSettings aws, String tableName, ZoneId defaultTimeZone) {
    static SlaAdminConfig read(EnvironmentReader env) {
        return env.valid(new SlaAdminConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env),
                HelpdeskVariables.slaDefaultTimeZone(env)));
    }
}
