package com.helpdesk.local.lambda;

import java.nio.file.Path;
import java.util.Map;

/** What the local stack needs to run one function of the template. */
public record FunctionSpec(String logicalId, String name, Path codeJar, String handler, Map<String, String> environment,
                           int timeoutSeconds, int memoryMb) {}
