package org.eventcore.console.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eventcore.console.ConsoleRoles;

/** Who the caller is and what the console lets them do: the page shows the controls of an operator only. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public JsonObject me() {
        String user = Guard.read(request, uri, security);
        return Json.createObjectBuilder()
                .add("user", user)
                .add("viewer", true)
                .add("operator", security.isUserInRole(ConsoleRoles.OPERATOR))
                .build();
    }
}
