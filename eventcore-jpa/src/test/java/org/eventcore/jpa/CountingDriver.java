package org.eventcore.jpa;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver for URLs {@code jdbc:counting:<the real URL without jdbc:>} that records, per thread,
 * every call that makes the real driver talk to the database and wait for its answer: each execution
 * of a statement, each commit and roll-back, each validation ({@code isValid}). PostgreSQL's driver
 * sends nothing for {@code setAutoCommit} outside a transaction or for preparing a statement, so
 * these are not counted. It also records the JDBC query timeouts set on statements, which PgJDBC
 * enforces with a timer task per execution. Registered with {@link DriverManager} when the class loads.
 */
final class CountingDriver implements Driver {

    static final String PREFIX = "jdbc:counting:";

    private static final ThreadLocal<List<String>> TRIPS = ThreadLocal.withInitial(ArrayList::new);

    /** The JDBC query timeouts set on statements, per thread: each arms a timer task in PgJDBC. */
    private static final ThreadLocal<List<Integer>> QUERY_TIMEOUTS = ThreadLocal.withInitial(ArrayList::new);

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code url} (a PostgreSQL JDBC URL) through this driver. */
    static String counting(String url) {
        return PREFIX + url.substring("jdbc:".length());
    }

    /** The round trips this thread made since the last call, and starts counting again. */
    static List<String> take() {
        List<String> trips = List.copyOf(TRIPS.get());
        TRIPS.get().clear();
        return trips;
    }

    /** The JDBC query timeouts (seconds) this thread set since the last call, and starts counting again. */
    static List<Integer> takeQueryTimeouts() {
        List<Integer> timeouts = List.copyOf(QUERY_TIMEOUTS.get());
        QUERY_TIMEOUTS.get().clear();
        return timeouts;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return proxy(Connection.class, real, (method, args) -> {
            switch (method.getName()) {
                case "commit", "rollback" -> {
                    if (args == null || args.length == 0) {
                        TRIPS.get().add(method.getName());
                    }
                }
                case "isValid" -> TRIPS.get().add("validation");
                default -> {}
            }
        });
    }

    private static <T> T proxy(Class<T> type, T real, Recorder recorder) {
        InvocationHandler handler = (p, method, args) -> {
            recorder.record(method, args);
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof CallableStatement c && method.getName().startsWith("prepareCall")) {
                return proxy(CallableStatement.class, c, statementRecorder((String) args[0]));
            }
            if (result instanceof PreparedStatement s && method.getName().startsWith("prepareStatement")) {
                return proxy(PreparedStatement.class, s, statementRecorder((String) args[0]));
            }
            if (result instanceof Statement s && method.getName().equals("createStatement")) {
                return proxy(Statement.class, s, statementRecorder(null));
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Recorder statementRecorder(String prepared) {
        return (method, args) -> {
            if (method.getName().equals("setQueryTimeout") && (Integer) args[0] > 0) {
                QUERY_TIMEOUTS.get().add((Integer) args[0]);
            }
            if (method.getName().startsWith("execute")) {
                String sql = prepared != null ? prepared : args != null && args.length > 0 ? (String) args[0] : "batch";
                TRIPS.get()
                        .add(
                                sql.contains("ec_append(")
                                        ? "ec_append(...)"
                                        : sql.length() > 60 ? sql.substring(0, 60) + "..." : sql);
            }
        };
    }

    @FunctionalInterface
    private interface Recorder {
        void record(Method method, Object[] args);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
