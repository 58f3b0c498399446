package org.eventcore.console.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eventcore.GlobalPosition;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.LogBrowser;
import org.eventcore.spi.LogQuery;
import org.eventcore.spi.LoggedEvent;

/**
 * The reads behind {@link ConsoleApi}'s log resources, each in a transaction of its own: a page of the log, one
 * event whole, the events of one command.
 */
@ApplicationScoped
@Transactional
public class LogReads {

    /** The events of a page when the request says nothing. */
    static final int DEFAULT_LIMIT = 50;

    @Inject
    Instance<LogBrowser> browsers;

    @Inject
    Instance<EventStore> stores;

    public JsonObject page(
            String before,
            int limit,
            String stream,
            String prefix,
            String type,
            String correlation,
            String command,
            String from,
            String to) {
        LogQuery q = LogQuery.newest(limit);
        if (present(before)) {
            q = q.before(GlobalPosition.decode(before.trim()));
        }
        if (present(stream)) {
            q = q.streamId(stream);
        }
        if (present(prefix)) {
            q = q.streamPrefix(prefix);
        }
        if (present(type)) {
            q = q.eventType(type.trim());
        }
        if (present(correlation)) {
            q = q.correlationId(correlation.trim());
        }
        if (present(command)) {
            q = q.commandId(command.trim());
        }
        if (present(from) || present(to)) {
            q = q.recorded(instant("from", from), instant("to", to));
        }
        return Views.page(Browsers.of(browsers, stores).browse(q));
    }

    public JsonObject event(String id) {
        LogBrowser browser = Browsers.of(browsers, stores);
        LoggedEvent e = browser.event(required("id", id))
                .orElseThrow(() -> Guard.refuse(Response.Status.NOT_FOUND, "the log holds no event with this id"));
        List<LoggedEvent> command = browser.command(e.commandId());
        return Views.detail(e, browser, command);
    }

    public JsonObject command(String id) {
        List<LoggedEvent> events = Browsers.of(browsers, stores).command(required("id", id));
        if (events.isEmpty()) {
            throw Guard.refuse(Response.Status.NOT_FOUND, "the log holds no event written by a command with this id");
        }
        return Json.createObjectBuilder()
                .add("commandId", id)
                .add("events", Views.summaries(events))
                .build();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String required(String name, String value) {
        if (!present(value)) {
            throw new IllegalArgumentException("the query parameter " + name + " is missing");
        }
        if (value.length() > LogQuery.MAX_FILTER_LENGTH) {
            throw new IllegalArgumentException(
                    "the query parameter " + name + " is longer than " + LogQuery.MAX_FILTER_LENGTH + " characters");
        }
        return value;
    }

    private static Instant instant(String name, String text) {
        if (!present(text)) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " is not an instant such as 2026-12-05T10:15:30Z: " + text.trim());
        }
    }
}
