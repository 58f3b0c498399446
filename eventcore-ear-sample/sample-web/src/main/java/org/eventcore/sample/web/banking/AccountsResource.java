package org.eventcore.sample.web.banking;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.util.List;
import org.eventcore.cdi.CommandBus;
import org.eventcore.sample.banking.Accounts;
import org.eventcore.sample.banking.BalanceRow;
import org.eventcore.sample.banking.Deposit;
import org.eventcore.sample.banking.OpenAccount;
import org.eventcore.sample.banking.StatementLine;
import org.eventcore.sample.banking.TransferMoney;
import org.eventcore.sample.banking.Withdraw;
import org.eventcore.sample.web.Executed;
import org.eventcore.sample.web.Requests;
import org.eventcore.sample.web.infrastructure.ReadModels;

/** Banking: open accounts, deposit, withdraw, transfer; balances and statements from the read models. */
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

    /** All balances and their sum. */
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
    WithdrawalNotifications notifications;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Path("accounts")
    public Response open(Requests.OpenAccount body) {
        String id = Requests.require(Requests.require(body, "a JSON body").id, "the field id");
        var result = commands.execute(
                new OpenAccount(Accounts.stream(id), security.getUserPrincipal().getName()));
        return Response.created(
                        uri.getBaseUriBuilder().path("accounts").path(id).build())
                .entity(Executed.of(result))
                .build();
    }

    @POST
    @Path("accounts/{id}/deposits")
    public Executed deposit(@PathParam("id") String id, Requests.Amount body) {
        long cents = Requests.require(Requests.require(body, "a JSON body").cents, "the field cents");
        return Executed.of(commands.execute(new Deposit(Accounts.stream(id), cents)));
    }

    @POST
    @Path("accounts/{id}/withdrawals")
    public Executed withdraw(@PathParam("id") String id, Requests.Amount body) {
        long cents = Requests.require(Requests.require(body, "a JSON body").cents, "the field cents");
        return Executed.of(commands.execute(new Withdraw(Accounts.stream(id), cents)));
    }

    @POST
    @Path("transfers")
    public Executed transfer(Requests.Transfer body) {
        Requests.Transfer t = Requests.require(body, "a JSON body");
        return Executed.of(commands.execute(new TransferMoney(
                Accounts.stream(Requests.require(t.from, "the field from")),
                Accounts.stream(Requests.require(t.to, "the field to")),
                Requests.require(t.cents, "the field cents"))));
    }

    /** The balance; with {@code after} (a position from a command's answer), once it includes that write. */
    @GET
    @Path("accounts/{id}")
    public Balance balance(@PathParam("id") String id, @QueryParam("after") String after) {
        readModels.awaitOrUnavailable("balances", after);
        return readModels
                .balance(Accounts.stream(id).value())
                .map(Balance::of)
                .orElseThrow(() -> new NotFoundException("no account " + id));
    }

    @GET
    @Path("accounts")
    public AllBalances balances(@QueryParam("after") String after) {
        readModels.awaitOrUnavailable("balances", after);
        List<Balance> all = readModels.balances().stream().map(Balance::of).toList();
        return new AllBalances(all, all.stream().mapToLong(Balance::cents).sum());
    }

    /** The latest withdrawals noted by the after-commit observer, newest first. */
    @GET
    @Path("notifications")
    public List<String> notifications() {
        return notifications.recent();
    }

    @GET
    @Path("accounts/{id}/statement")
    public List<Line> statement(@PathParam("id") String id, @QueryParam("after") String after) {
        readModels.awaitOrUnavailable("statements", after);
        return readModels.statement(Accounts.stream(id).value()).stream()
                .map(Line::of)
                .toList();
    }
}
