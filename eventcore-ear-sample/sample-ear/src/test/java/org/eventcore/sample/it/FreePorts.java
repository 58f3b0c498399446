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
