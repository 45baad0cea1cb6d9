package com.helpdesk.csat;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.time.Duration;

/** The survey pages' configuration (CsatSurveyFunction in template.yaml), read and checked once at init. */
record CsatSurveyConfig(AwsSettings aws, String tableName, Duration csatWindow, String csatKeysSecret) {
    static CsatSurveyConfig read(EnvironmentReader env) {
        return env.valid(new CsatSurveyConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), HelpdeskVariables.csatWindow(env),
                HelpdeskVariables.csatKeysSecret(env)));
    }
}
