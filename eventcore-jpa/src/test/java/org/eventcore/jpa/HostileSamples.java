package org.eventcore.jpa;

import java.util.List;

/**
 * Fixed hostile texts that the hostile-input tests mix into their generated ones: SQL and dollar
 * quotes, the array literals the append's parameters are sent in, escapes, markup and template syntax,
 * NUL, tabs, lone and reversed surrogates, direction and byte-order marks, the stream id's length
 * limits, blank and empty.
 */
public final class HostileSamples {

    /** The texts. */
    public static final List<String> TEXTS = List.of(
            "'; drop table ec_events; --",
            "account-1' or '1'='1",
            "$$; select pg_sleep(10); $$",
            // the array literals the append's parameters are sent in
            "NULL",
            "\"NULL\"",
            "{a,b}",
            "a\",\"b",
            "}\\\"{",
            "\\x41",
            "\\x00\\u0000",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "#{7*7}",
            "../../etc/passwd",
            "k\u00f6ln-\u6f22\u5b57-\ud83d\ude42",
            "tab\there",
            "null\u0000byte",
            "lone \ud800 surrogate",
            "\udc00 low first",
            "\u202e right-to-left",
            "\ufeffbom",
            "x".repeat(255),
            "x".repeat(256),
            "y".repeat(10_240),
            " ",
            "");

    private HostileSamples() {}
}
