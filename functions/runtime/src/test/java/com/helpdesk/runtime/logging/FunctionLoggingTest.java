package com.helpdesk.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionLoggingTest {
    @Test
    void thePropertyWinsThenTheVariableThenInfo() {
        assertThat(FunctionLogging.level("WARN", "DEBUG")).isEqualTo(Level.WARN);
        assertThat(FunctionLogging.level(null, "debug")).isEqualTo(Level.DEBUG);
        assertThat(FunctionLogging.level(" ", " error ")).isEqualTo(Level.ERROR);
        assertThat(FunctionLogging.level("LOUD", "nonsense")).as("a word that names no level").isEqualTo(Level.INFO);
        assertThat(FunctionLogging.level(null, null)).isEqualTo(Level.INFO);
    }

    @Test
    void logbackStartsWithTheJsonLinesAndTheQuieterLibraries() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(FunctionLogging.APPENDER))
                .as("FunctionLogging found through META-INF/services").isNotNull();
        FunctionLogging.QUIETER.forEach((name, level) -> assertThat(context.getLogger(name).getLevel()).as(name).isEqualTo(level));
    }

    @Test
    void powertoolsMovesTheRootLevelAndLeavesTheQuieterLibrariesAlone() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        LogbackLevels levels = new LogbackLevels();
        try {
            levels.setLogLevel(org.slf4j.event.Level.DEBUG);
            assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(levels.getLogLevel(LoggerFactory.getLogger("com.helpdesk.anything"))).isEqualTo(org.slf4j.event.Level.DEBUG);
            assertThat(levels.getLogLevel(LoggerFactory.getLogger("software.amazon.awssdk.core"))).isEqualTo(org.slf4j.event.Level.WARN);
        } finally {
            root.setLevel(before);
        }
        assertThat(LogbackLevels.slf4j(Level.OFF)).isEqualTo(org.slf4j.event.Level.ERROR);
        assertThat(LogbackLevels.slf4j(Level.ALL)).isEqualTo(org.slf4j.event.Level.TRACE);
    }
}
