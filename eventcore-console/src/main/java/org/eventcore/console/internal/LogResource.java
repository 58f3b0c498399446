package org.eventcore.console.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eventcore.GlobalPosition;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.LogBrowser;
import org.eventcore.spi.LogQuery;
import org.eventcore.spi.LoggedEvent;

/**
 * The log: pages newest first with filters ({@code GET log}), one event whole ({@code GET log/event?id=}), the
 * events of one command ({@code GET log/command?id=}). Ids travel as query parameters, since they may hold any
 * character.
 */
@Path("log")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class LogResource {

    /** The events of a page when the request says nothing. */
    static final int DEFAULT_LIMIT = 50;

    @Inject
    Instance<LogBrowser> browsers;

    @Inject
    Instance<EventStore> stores;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public JsonObject page(
            @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("stream") String stream,
            @QueryParam("prefix") String prefix,
            @QueryParam("type") String type,
            @QueryParam("correlation") String correlation,
            @QueryParam("command") String command,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Guard.read(request, uri, security);
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

    @GET
    @Path("event")
    public JsonObject event(@QueryParam("id") String id) {
        Guard.read(request, uri, security);
        LogBrowser browser = Browsers.of(browsers, stores);
        LoggedEvent e = browser.event(required("id", id))
                .orElseThrow(() -> Guard.refuse(Response.Status.NOT_FOUND, "the log holds no event with this id"));
        List<LoggedEvent> command = browser.command(e.commandId());
        return Views.detail(e, browser, command);
    }

    @GET
    @Path("command")
    public JsonObject command(@QueryParam("id") String id) {
        Guard.read(request, uri, security);
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
