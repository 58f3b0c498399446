package org.eventcore.sample.web.banking;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.eventcore.StreamId;
import org.eventcore.cdi.CommandBus;
import org.eventcore.sample.Limits;
import org.eventcore.sample.banking.Accounts;
import org.eventcore.sample.banking.BalanceRow;
import org.eventcore.sample.banking.Deposit;
import org.eventcore.sample.banking.OpenAccount;
import org.eventcore.sample.banking.StatementLine;
import org.eventcore.sample.banking.TransferMoney;
import org.eventcore.sample.banking.Withdraw;
import org.eventcore.sample.web.Executed;
import org.eventcore.sample.web.http.Body;
import org.eventcore.sample.web.http.Problems;
import org.eventcore.sample.web.infrastructure.ReadModels;
import org.eventcore.sample.web.infrastructure.ReadYourWrites;

/**
 * Banking: open accounts, deposit, withdraw, transfer; balances and statements from the read models.
 * Who may do what is decided by the commands, from the authenticated user; a user sees their own
 * accounts, a clerk sees every account, and an account nobody may see answers 404 like one that does
 * not exist.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    /** An account's balance as the "balances" projection has it. */
    public record Balance(String account, String owner, long cents, long events) {
        static Balance of(BalanceRow row) {
            return new Balance(row.account(), row.owner(), row.cents(), row.events());
        }
    }

    /** The balances the caller may see, and their sum. */
    public record AllBalances(List<Balance> accounts, long totalCents) {}

    /** One line of a statement. */
    public record Line(long version, long cents, String recordedBy, String commandId) {
        static Line of(StatementLine l) {
            return new Line(l.version(), l.cents(), l.recordedBy(), l.commandId());
        }
    }

    @Inject
    CommandBus commands;

    @Inject
    ReadModels readModels;

    @Inject
    ReadYourWrites readYourWrites;

    @Inject
    WithdrawalNotifications notifications;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Path("accounts")
    public Response open(InputStream body) {
        String id = Body.read(body, Set.of("id")).string("id");
        StreamId account = Accounts.stream(id);
        var result = commands.execute(new OpenAccount(account));
        return Response.created(
                        uri.getBaseUriBuilder().path("accounts").segment(id).build())
                .entity(Executed.of(result))
                .build();
    }

    @POST
    @Path("accounts/{id}/deposits")
    public Executed deposit(@PathParam("id") String id, InputStream body) {
        StreamId account = Accounts.stream(id);
        long cents = Body.read(body, Set.of("cents")).wholeNumber("cents");
        return Executed.of(commands.execute(new Deposit(account, cents)));
    }

    @POST
    @Path("accounts/{id}/withdrawals")
    public Executed withdraw(@PathParam("id") String id, InputStream body) {
        StreamId account = Accounts.stream(id);
        long cents = Body.read(body, Set.of("cents")).wholeNumber("cents");
        return Executed.of(commands.execute(new Withdraw(account, cents)));
    }

    @POST
    @Path("transfers")
    public Executed transfer(InputStream body) {
        Body transfer = Body.read(body, Set.of("from", "to", "cents"));
        StreamId from = Accounts.stream(transfer.string("from"));
        StreamId to = Accounts.stream(transfer.string("to"));
        long cents = transfer.wholeNumber("cents");
        return Executed.of(commands.execute(new TransferMoney(from, to, cents)));
    }

    /** The balance; with {@code after} (a position from a command's answer), once it includes that write. */
    @GET
    @Path("accounts/{id}")
    public void balance(
            @PathParam("id") String id, @QueryParam("after") String after, @Suspended AsyncResponse response) {
        String account = Accounts.stream(id).value();
        String user = user();
        boolean clerk = clerk();
        readYourWrites.answer(
                response,
                user,
                "balances",
                after,
                () -> readModels
                        .balance(account)
                        .filter(row -> clerk || row.owner().equals(user))
                        .map(Balance::of)
                        .<Object>map(b -> b)
                        .orElseGet(() -> noAccount(id)));
    }

    /** The caller's balances (a clerk's: every account's); with {@code after}, once they include that write. */
    @GET
    @Path("accounts")
    public void balances(@QueryParam("after") String after, @Suspended AsyncResponse response) {
        String user = user();
        boolean clerk = clerk();
        readYourWrites.answer(response, user, "balances", after, () -> {
            List<Balance> all = (clerk ? readModels.balances() : readModels.balancesOf(user))
                    .stream().map(Balance::of).toList();
            long sum = 0;
            for (Balance b : all) {
                sum = Math.addExact(sum, b.cents());
            }
            return new AllBalances(all, sum);
        });
    }

    /** The latest withdrawals from the caller's accounts (a clerk's: from all), noted after commit, newest first. */
    @GET
    @Path("notifications")
    public List<String> notifications() {
        return notifications.recent(clerk() ? null : user());
    }

    @GET
    @Path("accounts/{id}/statement")
    public void statement(
            @PathParam("id") String id, @QueryParam("after") String after, @Suspended AsyncResponse response) {
        String account = Accounts.stream(id).value();
        String user = user();
        boolean clerk = clerk();
        // the owner comes from the balances read model, the lines from the statements one: wait for both
        readYourWrites.answer(response, user, List.of("balances", "statements"), after, () -> {
            boolean mine = readModels
                    .balance(account)
                    .filter(row -> clerk || row.owner().equals(user))
                    .isPresent();
            if (!mine) {
                return noAccount(id);
            }
            return readModels.statement(account).stream().map(Line::of).toList();
        });
    }

    private String user() {
        return security.getUserPrincipal().getName();
    }

    private boolean clerk() {
        return security.isUserInRole(Limits.CLERK);
    }

    private static Response noAccount(String id) {
        return Problems.response(404, "Not Found", "no account " + id);
    }
}
