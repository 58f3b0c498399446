package org.eventcore.console.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eventcore.console.ConsoleRoles;
import org.eventcore.spi.LogQuery;

/**
 * The console's REST resources, all in one root resource whose path no application is likely to use itself: an
 * application whose own {@code Application} lists no classes publishes every root resource of its WAR, this one too,
 * and two root resources of the same path in one application fail its deployment (Jersey) or shadow each other.
 * Published there, every method answers 404 ({@link Guard}).
 *
 * <ul>
 *   <li>{@code GET me}: who the caller is and whether they may change anything;
 *   <li>{@code GET log?before=&limit=&stream=&prefix=&type=&correlation=&command=&from=&to=}: a page of the log,
 *       newest first;
 *   <li>{@code GET log/event?id=}: an event whole; {@code GET log/command?id=}: the events of a command (ids travel
 *       as query parameters, since they may hold any character);
 *   <li>{@code GET projections}, {@code GET projections/{name}}: the durable projections;
 *   <li>{@code POST projections/{name}/controls} with {@code {"action": "pause" | "resume" | "rebuild", "from": p}}:
 *       a change, for the operator, from the console's page only.
 * </ul>
 */
@Path(ConsoleApi.PATH)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleApi {

    /** The root resource's path, under the console's application. */
    public static final String PATH = "eventcore";

    @Inject
    LogReads log;

    @Inject
    ProjectionReads projections;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Path("me")
    public JsonObject me() {
        String user = Guard.read(request, uri, security);
        return Json.createObjectBuilder()
                .add("user", user)
                .add("viewer", true)
                .add("operator", security.isUserInRole(ConsoleRoles.OPERATOR))
                .build();
    }

    @GET
    @Path("log")
    public JsonObject page(
            @QueryParam("before") String before,
            @QueryParam("limit") @DefaultValue("50") String limit,
            @QueryParam("stream") String stream,
            @QueryParam("prefix") String prefix,
            @QueryParam("type") String type,
            @QueryParam("correlation") String correlation,
            @QueryParam("command") String command,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Guard.read(request, uri, security);
        int size;
        try {
            size = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "limit is a number of events, 1 to " + LogQuery.MAX_LIMIT + ", not " + limit);
        }
        return log.page(before, size, stream, prefix, type, correlation, command, from, to);
    }

    @GET
    @Path("log/event")
    public JsonObject event(@QueryParam("id") String id) {
        Guard.read(request, uri, security);
        return log.event(id);
    }

    @GET
    @Path("log/command")
    public JsonObject command(@QueryParam("id") String id) {
        Guard.read(request, uri, security);
        return log.command(id);
    }

    @GET
    @Path("projections")
    public JsonArray projections() {
        Guard.read(request, uri, security);
        return projections.all();
    }

    @GET
    @Path("projections/{name}")
    public JsonObject projection(@PathParam("name") String name) {
        Guard.read(request, uri, security);
        return projections.one(name);
    }

    @POST
    @Path("projections/{name}/controls")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response control(@PathParam("name") String name, JsonObject body) {
        String user = Guard.change(request, uri, security);
        try {
            return projections.control(name, body, user);
        } catch (RuntimeException e) {
            if (sameKey(e)) {
                throw Guard.refuse(Response.Status.CONFLICT, "another change was asked at the same instant: ask again");
            }
            throw e;
        }
    }

    /** Whether {@code e} is a unique key violation (SQLState 23505), as two changes numbered at once meet. */
    private static boolean sameKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
