package com.helpdesk.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;

/**
 * How Powertools changes the functions' level (POWERTOOLS_LOG_LEVEL, Lambda's AWS_LAMBDA_LOG_LEVEL, a debug sampling
 * rate) on logback: Powertools finds it through {@code META-INF/services}, as it finds its own log4j and logback ones.
 * It moves the root level only; the libraries {@link FunctionLogging} quietens stay as quiet.
 */
public final class LogbackLevels implements LoggingManager {
    @Override
    public void setLogLevel(org.slf4j.event.Level level) {
        root().setLevel(Level.toLevel(level.toString()));
    }

    @Override
    public org.slf4j.event.Level getLogLevel(Logger logger) {
        return slf4j(context().getLogger(logger.getName()).getEffectiveLevel());
    }

    /** SLF4J's nearest level: it has no OFF or ALL. */
    static org.slf4j.event.Level slf4j(Level level) {
        int at = level.toInt();
        if (at >= Level.ERROR_INT) return org.slf4j.event.Level.ERROR;
        if (at >= Level.WARN_INT) return org.slf4j.event.Level.WARN;
        if (at >= Level.INFO_INT) return org.slf4j.event.Level.INFO;
        if (at >= Level.DEBUG_INT) return org.slf4j.event.Level.DEBUG;
        return org.slf4j.event.Level.TRACE;
    }

    private static ch.qos.logback.classic.Logger root() {
        return context().getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
