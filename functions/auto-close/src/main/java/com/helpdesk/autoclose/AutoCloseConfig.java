package com.helpdesk.autoclose;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.time.Duration;

/**
 * The auto-close function's configuration (AutoCloseFunction in template.yaml), read and checked once at init.
 *
 * @param closeAfter how long after its resolution a ticket closes (template parameter AutoCloseAfterDays)
 */
record AutoCloseConfig(AwsSettings aws, String tableName, Duration closeAfter) {
    static AutoCloseConfig read(EnvironmentReader env) {
        return env.valid(new AutoCloseConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), env.days("AUTO_CLOSE_AFTER_DAYS", 1, 90)));
    }
}
