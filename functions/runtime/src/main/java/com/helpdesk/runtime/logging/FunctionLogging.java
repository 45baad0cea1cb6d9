package com.helpdesk.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

import java.util.Map;

/**
 * The functions' logging, set up in code when logback starts (found through {@code META-INF/services}, so logback reads
 * no configuration file: no XML parser at a cold start): one JSON line per event on stdout ({@link LambdaJsonEncoder}),
 * at the level the template's LogLevel parameter gives every function as POWERTOOLS_LOG_LEVEL. The local stack, which
 * runs every function in one JVM, sets it with the system property {@value #LEVEL_PROPERTY} instead.
 */
public final class FunctionLogging extends ContextAwareBase implements Configurator {
    public static final String LEVEL_PROPERTY = "helpdesk.functionLogLevel";
    static final String APPENDER = "json";

    /** Libraries that say too much below these levels. */
    static final Map<String, Level> QUIETER = Map.of(
            "software.amazon.awssdk", Level.WARN,
            "com.amazonaws.xray", Level.WARN,
            // tests and the local stack run DynamoDB Local (Jetty) in the same JVM: its per-request lines are noise, and it
            // logs every refused condition (a lost optimistic-locking race, which the caller handles) as a WARN with a stack
            "com.amazonaws.services.dynamodbv2", Level.ERROR,
            "org.eclipse.jetty", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LambdaJsonEncoder encoder = new LambdaJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(APPENDER);
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getProperty(LEVEL_PROPERTY), System.getenv("POWERTOOLS_LOG_LEVEL")));
        root.addAppender(console);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The first level given (the property, then the variable) that names one; INFO when none does. */
    static Level level(String property, String variable) {
        for (String given : new String[]{property, variable}) {
            if (given != null && !given.isBlank()) {
                Level level = Level.toLevel(given.strip(), null);
                if (level != null) return level;
            }
        }
        return Level.INFO;
    }
}
