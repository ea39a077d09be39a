package dev.memos4j.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A test-only slf4j binding: every logger is on at TRACE and every line (with its stack trace) is kept in
 * memory, so a test can read exactly what was logged, e.g. that an API key never appears.
 *
 * <p>This jar does not register it (registering would replace the binding of every project that adds the
 * testkit). Register it in the test tree that wants it, with a file
 * {@code src/test/resources/META-INF/services/org.slf4j.spi.SLF4JServiceProvider} holding the line
 * {@code dev.memos4j.testkit.CapturingLogProvider}, and keep other slf4j bindings off that test classpath.
 *
 * <pre>{@code
 * CapturingLogProvider.clear();
 * client.searchMemory(request).join();
 * assertThat(CapturingLogProvider.lines()).noneMatch(line -> line.contains(apiKey));
 * }</pre>
 */
public final class CapturingLogProvider implements SLF4JServiceProvider {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static final int MAX_LINES = 20_000;

    private final ILoggerFactory factory = new Factory();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Created by slf4j's service loader. */
    public CapturingLogProvider() {}

    /**
     * Everything logged so far, one entry per call ({@code LEVEL logger - message}), stack traces included.
     *
     * @return a snapshot of the captured lines, oldest first (at most 20,000)
     */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** Forgets what was logged. */
    public static void clear() {
        LINES.clear();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}

    private static final class Factory implements ILoggerFactory {
        private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(String name) {
            return loggers.computeIfAbsent(name, CapturingLogger::new);
        }
    }

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(
                Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
            if (LINES.size() >= MAX_LINES) {
                return;
            }
            StringBuilder line = new StringBuilder()
                    .append(level)
                    .append(' ')
                    .append(name)
                    .append(" - ")
                    .append(MessageFormatter.basicArrayFormat(pattern, arguments));
            if (throwable != null) {
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            LINES.add(line.toString());
        }
    }
}
