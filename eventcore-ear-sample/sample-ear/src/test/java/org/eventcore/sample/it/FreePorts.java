package org.eventcore.sample.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.stream.IntStream;

/**
 * Ports the tests may take: a developer's machine often runs a WildFly of its own on 8080 and 9990,
 * so no test may count on those.
 */
final class FreePorts {

    /** The ports of WildFly's {@code standalone.xml}, each moved by its port offset. */
    static final int[] WILDFLY_PORTS = {8080, 8443, 9990, 9993, 8009, 4712, 4713};

    private FreePorts() {}

    /**
     * A WildFly port offset at which every port of {@link #WILDFLY_PORTS} is free on this machine, or
     * the first one found above {@code from}; random from there on so that parallel builds rarely meet.
     */
    static int wildflyOffset(int from) {
        int start = from + java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 2000);
        for (int offset = start; offset < start + 20_000; offset += 7) {
            int o = offset;
            if (IntStream.of(WILDFLY_PORTS).allMatch(p -> isFree(p + o))) {
                return offset;
            }
        }
        throw new IllegalStateException("no free WildFly port offset from " + start);
    }

    /** The ports a Payara Server domain created with {@code --portbase} takes, above its base. */
    static final int[] PAYARA_PORTS_ABOVE_BASE = {9, 37, 38, 39, 48, 49, 66, 76, 80, 81, 86};

    /**
     * The lowest port the system hands out to outgoing connections (Linux:
     * {@code /proc/sys/net/ipv4/ip_local_port_range}, 32768 by default). A server port at or above it can
     * be taken between the check and the bind by any connection the build opens (CI once met Payara's
     * HTTP port, 42880, as the local port of a connection to the tests' PostgreSQL).
     */
    static int ephemeralFloor() {
        try {
            String range =
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            return Integer.parseInt(range.strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /** Whether every port of a Payara domain with port base {@code base} is free, and below the ephemeral ports. */
    static boolean payaraBaseIsFree(int base) {
        return base + PAYARA_PORTS_ABOVE_BASE[PAYARA_PORTS_ABOVE_BASE.length - 1] < ephemeralFloor()
                && IntStream.of(PAYARA_PORTS_ABOVE_BASE).allMatch(p -> isFree(base + p));
    }

    /**
     * A port base (a multiple of 100 from 20,000, below the ephemeral ports) at which every port of a
     * Payara domain is free.
     */
    static int payaraPortBase() {
        int start = 200 + java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 100);
        for (int hundreds = start; hundreds < 640; hundreds++) {
            if (payaraBaseIsFree(hundreds * 100)) {
                return hundreds * 100;
            }
        }
        // a machine whose ephemeral ports start low: any base whose ports are free now
        for (int hundreds = start; hundreds < 640; hundreds++) {
            int base = hundreds * 100;
            if (IntStream.of(PAYARA_PORTS_ABOVE_BASE).allMatch(p -> isFree(base + p))) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base for a Payara domain from " + start * 100);
    }

    /** A port nothing listens on now, for a server of the tests (the system picks it). */
    static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("no free port", e);
        }
    }

    /** Whether nothing listens on {@code port} on this machine and it can be bound. */
    static boolean isFree(int port) {
        if (port <= 0 || port > 65_535 || isListening(port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts connections on {@code port} of localhost. */
    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
