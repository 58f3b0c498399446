package org.eventcore.sample.web;

import java.util.Map;

/** The JSON bodies the API accepts; {@link #require} turns a missing field into a 400. */
public final class Requests {

    private Requests() {}

    /** {@code {"id": "alice-1"}} */
    public static class OpenAccount {
        public String id;
    }

    /** {@code {"cents": 500}} */
    public static class Amount {
        public Long cents;
    }

    /** {@code {"from": "alice-1", "to": "bob-1", "cents": 250}} */
    public static class Transfer {
        public String from;
        public String to;
        public Long cents;
    }

    /** {@code {"quantity": 10}} */
    public static class Stock {
        public Integer quantity;
    }

    /** {@code {"id": "order-7", "lines": {"apple": 2, "pear": 1}}} */
    public static class Order {
        public String id;
        public Map<String, Integer> lines;
    }

    public static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("the request needs " + what);
        }
        return value;
    }
}
