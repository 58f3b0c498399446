// The EventCore console's page. Every piece of data goes into the page as text (textContent, text nodes,
// attribute values set one by one); nothing is ever parsed as HTML. The server's Content-Security-Policy lets
// only this file run.
"use strict";

(function () {
    // the API beside the page, addressed without any credentials the page's own address may carry (fetch refuses
    // a URL with credentials; the browser sends the ones it logged in with)
    const API = new URL("api/eventcore/", location.origin + location.pathname).href;
    const view = document.getElementById("view");
    let me = { user: "", operator: false };
    let poll = null;
    let current = 0;

    // el("td", {class: "id"}, "text", otherNode): an element with attributes and children; strings become text.
    function el(tag, attrs, ...children) {
        const e = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs || {})) {
            if (k === "onclick") {
                e.addEventListener("click", v);
            } else if (v !== null && v !== undefined) {
                e.setAttribute(k, String(v));
            }
        }
        for (const c of children) {
            if (c === null || c === undefined) {
                continue;
            }
            e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
        }
        return e;
    }

    function query(params) {
        const q = new URLSearchParams();
        for (const [k, v] of Object.entries(params || {})) {
            if (v !== null && v !== undefined && v !== "") {
                q.set(k, v);
            }
        }
        const s = q.toString();
        return s ? "?" + s : "";
    }

    function route(path, params) {
        return "#/" + path + query(params);
    }

    function link(text, path, params, attrs) {
        return el("a", Object.assign({ href: route(path, params) }, attrs || {}), text);
    }

    class Refused extends Error {
        constructor(status, message) {
            super(message);
            this.status = status;
        }
    }

    async function call(method, path, params, body) {
        const init = { method: method, credentials: "same-origin", headers: { Accept: "application/json" } };
        if (body !== undefined) {
            init.headers["Content-Type"] = "application/json";
            init.headers["X-EventCore-Console"] = "1";
            init.body = JSON.stringify(body);
        }
        const r = await fetch(API + path + query(params), init);
        let json = null;
        try {
            json = await r.json();
        } catch (e) {
            json = null;
        }
        if (!r.ok) {
            const why = json && (json.error || json.detail || json.title);
            throw new Refused(r.status, why ? String(why) : "the server answered " + r.status);
        }
        return json;
    }

    function showError(e) {
        const text = e instanceof Refused && (e.status === 401 || e.status === 403)
            ? "Not allowed (" + e.status + "): " + e.message
            : (e.message || String(e));
        return el("div", { class: "error", id: "error" }, text);
    }

    function replace(...nodes) {
        view.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined));
    }

    function field(dl, name, value) {
        dl.appendChild(el("dt", {}, name));
        dl.appendChild(el("dd", {}, value));
    }

    // ---- the log ----------------------------------------------------------------------------------------

    const FILTERS = [
        ["prefix", "Stream id prefix"],
        ["type", "Event type"],
        ["correlation", "Correlation id"],
        ["command", "Command id"],
        ["from", "From (ISO instant)"],
        ["to", "To (ISO instant)"],
    ];

    function eventTable(events, withStream) {
        const body = el("tbody", {});
        for (const e of events) {
            body.appendChild(el("tr", { "data-event": e.eventId },
                el("td", { class: "mono" }, e.position),
                el("td", {}, e.recordedAt),
                withStream ? el("td", { class: "id" }, link(e.streamId, "stream", { id: e.streamId }, { class: "stream-link" })) : null,
                el("td", {}, String(e.version)),
                el("td", { class: "id" }, link(e.type, "event", { id: e.eventId }, { class: "event-link" })),
                el("td", { class: "id" }, link(e.commandId, "command", { id: e.commandId }, { class: "command-link" }))));
        }
        return el("table", { class: "events" },
            el("thead", {}, el("tr", {},
                el("th", {}, "Position"), el("th", {}, "Recorded"),
                withStream ? el("th", {}, "Stream") : null,
                el("th", {}, "Version"), el("th", {}, "Event (type)"), el("th", {}, "Command"))),
            body);
    }

    function olderLinks(path, params, page) {
        const parts = [];
        if (!page.examinedAll) {
            parts.push(el("p", { class: "note", id: "stretch-note" },
                "Looked at " + page.examined + " entries of the log without filling the page; older entries may match."));
        }
        if (page.next) {
            parts.push(el("p", {}, el("a", { href: route(path, Object.assign({}, params, { before: page.next })), id: "older" }, "Older events →")));
        } else {
            parts.push(el("p", { class: "note", id: "end-of-log" }, "No older events match."));
        }
        return parts;
    }

    async function showLog(params, token) {
        const form = el("form", { class: "filters", id: "filters" });
        for (const [name, label] of FILTERS) {
            form.appendChild(el("label", {}, label, el("input", { name: name, id: "filter-" + name, value: params[name] || "" })));
        }
        form.appendChild(el("button", { type: "submit", id: "apply" }, "Filter"));
        form.addEventListener("submit", (ev) => {
            ev.preventDefault();
            const p = {};
            for (const [name] of FILTERS) {
                p[name] = form.elements[name].value.trim();
            }
            location.hash = route("log", p);
        });
        const title = el("h2", {}, "Global log, newest first");
        replace(title, form, el("p", {}, "Loading…"));
        const page = await call("GET", "log", params);
        if (token !== current) {
            return;
        }
        replace(title, form, eventTable(page.events, true), ...olderLinks("log", params, page));
    }

    async function showStream(params, token) {
        const page = await call("GET", "log", { stream: params.id, before: params.before });
        if (token !== current) {
            return;
        }
        replace(el("h2", {}, "Stream ", el("span", { class: "id", id: "stream-id" }, params.id)),
            eventTable(page.events, false), ...olderLinks("stream", params, page));
    }

    async function showEvent(params, token) {
        const e = await call("GET", "log/event", { id: params.id });
        if (token !== current) {
            return;
        }
        const summary = el("dl", { id: "event-summary" });
        field(summary, "Event id", e.eventId);
        field(summary, "Stream", link(e.streamId, "stream", { id: e.streamId }, { id: "event-stream" }));
        field(summary, "Version", String(e.version));
        field(summary, "Position", e.position);
        field(summary, "Type", e.type + " (revision " + e.revision + ")");
        field(summary, "Recorded", e.recordedAt);
        field(summary, "Command", link(e.commandId, "command", { id: e.commandId }, { id: "event-command" }));
        field(summary, "Correlation", e.correlationId);
        field(summary, "User", e.user === null ? "—" : e.user);

        const currentForm = e.current.error
            ? el("pre", { id: "payload-current", class: "error" }, "Cannot be read as the application reads it: " + e.current.error)
            : el("pre", { id: "payload-current" }, e.current.text);
        const currentLabel = e.current.error ? "Payload" : "Payload as the application reads it now"
            + (e.current.revision !== undefined ? " (revision " + e.current.revision + ")" : "");
        const stored = el("pre", { id: "payload-stored", hidden: "hidden" }, e.stored.text);
        const toggle = el("button", { type: "button", id: "toggle-stored" }, "Show the stored form");
        toggle.addEventListener("click", () => {
            stored.hidden = !stored.hidden;
            toggle.textContent = stored.hidden ? "Show the stored form" : "Hide the stored form";
        });
        const storedLabel = "Stored form: " + e.stored.type + ", revision " + e.stored.revision + " (" + e.stored.format + ")";

        const rows = el("tbody", {});
        for (const entry of e.metadata.entries || []) {
            rows.appendChild(el("tr", {}, el("td", { class: "id" }, entry.key), el("td", { class: "id" }, entry.value)));
        }
        const metadata = el("table", { id: "metadata" },
            el("thead", {}, el("tr", {}, el("th", {}, "Key"), el("th", {}, "Value"))), rows);
        const metadataError = e.metadata.error
            ? el("div", {}, el("p", { class: "error", id: "metadata-error" }, e.metadata.error), el("pre", { id: "metadata-stored" }, e.metadata.stored))
            : null;

        replace(el("h2", {}, "Event"), summary,
            el("h3", {}, currentLabel), currentForm,
            el("p", {}, toggle, " ", storedLabel), stored,
            el("h3", {}, "Custom metadata"), metadata, metadataError,
            el("h3", {}, "Events of the same command"), eventTable(e.commandEvents, true));
    }

    async function showCommand(params, token) {
        const c = await call("GET", "log/command", { id: params.id });
        if (token !== current) {
            return;
        }
        replace(el("h2", {}, "Command ", el("span", { class: "id", id: "command-id" }, c.commandId)),
            el("p", {}, String(c.events.length) + " events, written in one append:"),
            eventTable(c.events, true));
    }

    // ---- projections ------------------------------------------------------------------------------------

    function leaseText(p) {
        return p.lease ? p.lease.owner + " (epoch " + p.lease.epoch + ")" : "—";
    }

    function lagText(p) {
        return String(p.lagEvents) + (p.lagCapped ? "+" : "") + " events, " + p.lagSeconds.toFixed(1) + " s";
    }

    function stateText(p) {
        return p.state + (p.paused ? " (paused)" : "");
    }

    async function showProjections(token) {
        const list = await call("GET", "projections");
        if (token !== current) {
            return; // the user went elsewhere while this answer was on its way
        }
        const body = el("tbody", {});
        for (const p of list) {
            body.appendChild(el("tr", { "data-projection": p.name },
                el("td", { class: "id" }, link(p.name, "projection", { name: p.name })),
                el("td", { class: "state-" + p.state }, stateText(p)),
                el("td", { class: "mono" }, p.checkpoint),
                el("td", { class: "lag" }, lagText(p)),
                el("td", {}, leaseText(p)),
                el("td", {}, String(p.skippedCount)),
                el("td", { class: "id" }, p.lastError === null ? "" : p.lastError)));
        }
        replace(el("h2", {}, "Durable projections"),
            el("table", { id: "projections" },
                el("thead", {}, el("tr", {}, el("th", {}, "Name"), el("th", {}, "State"), el("th", {}, "Checkpoint"),
                    el("th", {}, "Lag"), el("th", {}, "Lease holder"), el("th", {}, "Skipped"), el("th", {}, "Last error"))),
                body),
            el("p", { class: "note" }, "Updated every second."));
        schedule(showProjections, token);
    }

    async function control(name, action, from) {
        const what = action === "rebuild"
            ? "Rebuild projection " + name + " from " + (from || "the start of the log")
                + "? Its read model is reset and every event after that position is handled again."
            : (action === "pause" ? "Pause" : "Resume") + " projection " + name + " on every node?";
        if (!window.confirm(what)) {
            return;
        }
        const body = { action: action };
        if (from) {
            body.from = from;
        }
        const done = await call("POST", "projections/" + encodeURIComponent(name) + "/controls", {}, body);
        lastNote = "Requested " + action + " (change " + done.id + "); the node that holds the lease carries it out.";
        const note = document.getElementById("control-note");
        if (note) {
            note.textContent = lastNote;
        }
    }

    let lastNote = "";

    async function showProjection(params, token) {
        const p = await call("GET", "projections/" + encodeURIComponent(params.name));
        if (token !== current) {
            return;
        }
        // what the operator was typing survives the redraw
        const typed = document.getElementById("rebuild-from");
        const typedValue = typed ? typed.value : "";
        const typedFocus = typed !== null && document.activeElement === typed;
        const dl = el("dl", { id: "projection-status" });
        field(dl, "State", el("span", { class: "state-" + p.state, id: "projection-state" }, stateText(p)));
        field(dl, "Checkpoint", p.checkpoint);
        field(dl, "Head", p.head);
        field(dl, "Lag", el("span", { id: "projection-lag", "data-lag-events": String(p.lagEvents) }, lagText(p)));
        field(dl, "Rebuilding up to", p.rebuildTarget === null ? "—" : p.rebuildTarget);
        field(dl, "Lease holder", el("span", { id: "projection-lease" }, leaseText(p)));
        field(dl, "Events handled on this node", String(p.eventsHandled));
        field(dl, "Failures", String(p.failures));
        field(dl, "Last error", el("span", { id: "projection-error" }, p.lastError === null ? "—" : p.lastError));

        const parts = [el("h2", {}, "Projection ", el("span", { class: "id" }, p.name)), dl];
        if (me.operator) {
            const from = el("input", { id: "rebuild-from", placeholder: "position (empty: the start)" });
            from.value = typedValue;
            parts.push(el("h3", {}, "Controls"),
                el("p", { class: "controls" },
                    el("button", { type: "button", id: "pause", onclick: () => control(p.name, "pause").catch(report) }, "Pause"),
                    el("button", { type: "button", id: "resume", onclick: () => control(p.name, "resume").catch(report) }, "Resume"),
                    el("button", { type: "button", id: "rebuild", onclick: () => control(p.name, "rebuild", from.value.trim()).catch(report) }, "Rebuild"),
                    " from ", from),
                el("p", { class: "note", id: "control-note" }, lastNote));
        }
        const skipped = el("tbody", {});
        for (const s of p.skipped || []) {
            skipped.appendChild(el("tr", { "data-skipped": s.eventId },
                el("td", { class: "id" }, link(s.eventId, "event", { id: s.eventId })),
                el("td", { class: "mono" }, s.position),
                el("td", { class: "id" }, s.payloadType),
                el("td", { class: "id skipped-error" }, s.error)));
        }
        parts.push(el("h3", {}, "Skipped events (" + p.skippedCount + ")"),
            el("table", { id: "skipped" }, el("thead", {}, el("tr", {}, el("th", {}, "Event"), el("th", {}, "Position"),
                el("th", {}, "Type"), el("th", {}, "Error"))), skipped));
        if (p.controls) {
            const history = el("tbody", {});
            for (const c of p.controls) {
                history.appendChild(el("tr", { "data-control": String(c.id) },
                    el("td", {}, String(c.id)),
                    el("td", {}, c.action + (c.from ? " from " + c.from : "")),
                    el("td", { class: "id" }, c.requestedBy),
                    el("td", {}, c.requestedAt),
                    el("td", {}, c.status),
                    el("td", { class: "id" }, c.outcome === null ? "" : c.outcome)));
            }
            parts.push(el("h3", {}, "Changes, newest first"), el("table", { id: "controls" }, el("thead", {}, el("tr", {},
                el("th", {}, "#"), el("th", {}, "Change"), el("th", {}, "By"), el("th", {}, "Asked at"),
                el("th", {}, "Status"), el("th", {}, "Outcome"))), history));
        }
        replace(...parts);
        if (typedFocus) {
            document.getElementById("rebuild-from").focus();
        }
        schedule((t) => showProjection(params, t), token);
    }

    // ---- routing and polling ----------------------------------------------------------------------------

    // One request a second while the tab is visible, the next sent after the previous answered.
    function schedule(again, token) {
        poll = setTimeout(() => {
            if (token !== current) {
                return;
            }
            if (document.visibilityState !== "visible") {
                schedule(again, token);
                return;
            }
            again(token).catch((e) => {
                if (token === current) {
                    report(e);
                    schedule(again, token);
                }
            });
        }, 1000);
    }

    function report(e) {
        const old = document.getElementById("error");
        if (old) {
            old.remove();
        }
        view.prepend(showError(e));
    }

    async function show() {
        current++;
        clearTimeout(poll);
        lastNote = "";
        const hash = location.hash.startsWith("#/") ? location.hash.substring(2) : "log";
        const q = hash.indexOf("?");
        const path = q < 0 ? hash : hash.substring(0, q);
        const params = Object.fromEntries(new URLSearchParams(q < 0 ? "" : hash.substring(q + 1)));
        for (const a of document.querySelectorAll("header nav a")) {
            a.classList.toggle("current", a.id === "nav-" + (path.startsWith("projection") ? "projections" : "log"));
        }
        const token = current;
        try {
            switch (path) {
                case "stream": await showStream(params, token); break;
                case "event": await showEvent(params, token); break;
                case "command": await showCommand(params, token); break;
                case "projections": await showProjections(token); break;
                case "projection": await showProjection(params, token); break;
                default: await showLog(params, token);
            }
        } catch (e) {
            if (token === current) {
                replace(showError(e));
            }
        }
    }

    async function start() {
        try {
            me = await call("GET", "me");
            document.getElementById("who").textContent = me.user + (me.operator ? " (operator)" : " (viewer)");
        } catch (e) {
            replace(showError(e));
            return;
        }
        window.addEventListener("hashchange", show);
        await show();
    }

    start();
})();
