package org.eventcore.jpa.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the application and PostgreSQL that can make the network go silent: while it
 * is silent, every byte either side sends is dropped, and nothing is closed or reset — the failure a
 * cut cable, a dead switch or a firewall that drops packets causes, where neither side learns that
 * the other is gone. A connection that lost bytes stays silent after the network heals (its
 * protocol stream is broken, as a real TCP connection would be after its retransmissions gave up);
 * one that sent nothing while the network was silent works on. A client that closes its side while
 * the network is silent does not reach the server: the server's session stays open until a server
 * timeout ends it (or the proxy closes).
 */
final class SilentProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "silent-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger brokenConnections = new AtomicInteger();
    private volatile boolean silent;
    private volatile boolean closed;

    /** Client bytes that, once forwarded, make the network go silent; null: none armed. */
    private volatile byte[] silenceAfter;

    private volatile long healAfterMillis;

    /** A proxy on a free port of the loopback interface in front of {@code targetHost:targetPort}. */
    SilentProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** The port the proxy listens on. */
    int port() {
        return server.getLocalPort();
    }

    /** From now on every byte sent either way is dropped; nothing is closed. */
    void goSilent() {
        silent = true;
    }

    /**
     * Arms a silence at a chosen point: the next client message that contains {@code text} (in the
     * protocol's bytes, for example {@code COMMIT} or a statement's text) still reaches the server,
     * and the network goes silent right after it, so the server does the work and its answer is
     * lost; the network heals by itself {@code healAfter} later.
     */
    void goSilentAfterClientSends(String text, java.time.Duration healAfter) {
        healAfterMillis = healAfter.toMillis();
        silenceAfter = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Whether the network is silent now. */
    boolean isSilent() {
        return silent;
    }

    /** From now on bytes flow again, on new connections and on those that lost none. */
    void heal() {
        silent = false;
    }

    /** How many connections lost bytes to a silence (and stay silent for good). */
    int brokenConnections() {
        return brokenConnections.get();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            threads.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket upstream;
        try {
            upstream = new Socket(targetHost, targetPort);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        sockets.add(client);
        sockets.add(upstream);
        Link link = new Link();
        threads.execute(() -> pump(client, upstream, link, true));
        threads.execute(() -> pump(upstream, client, link, false));
    }

    /** The state both directions of one connection share. */
    private final class Link {
        private volatile boolean broken;

        void breakIt() {
            if (!broken) {
                broken = true;
                brokenConnections.incrementAndGet();
            }
        }
    }

    private void pump(Socket from, Socket to, Link link, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                byte[] armed = fromClient && !link.broken ? silenceAfter : null;
                if (armed != null && contains(buffer, n, armed)) {
                    // the network goes silent before this message is passed on, so that the answer,
                    // however fast, finds it silent; the message itself still gets through
                    silenceAfter = null;
                    silent = true;
                    healLater();
                } else if (silent) {
                    link.breakIt();
                }
                if (!link.broken) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (SocketException e) {
            // the other pump or close() closed a socket
        } catch (IOException e) {
            // the connection failed: end both sides below, unless the network is silent
        }
        if (!link.broken && !silent) {
            // an end that the network lets through reaches the other side
            closeQuietly(to);
            closeQuietly(from);
        } else if (fromClient) {
            // a client that gave up on a silent connection: its end is lost on the way
            closeQuietly(from);
        }
    }

    private void healLater() {
        long heal = healAfterMillis;
        threads.execute(() -> {
            try {
                Thread.sleep(heal);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heal();
        });
    }

    private static boolean contains(byte[] buffer, int length, byte[] text) {
        outer:
        for (int i = 0; i + text.length <= length; i++) {
            for (int j = 0; j < text.length; j++) {
                if (buffer[i + j] != text[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        threads.shutdownNow();
    }
}
