package dev.memos4j.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server speaking raw bytes, for faults WireMock cannot produce exactly: a connection
 * reset in the middle of a body, or a clean close right after the headers.
 */
final class RawHttpServer implements AutoCloseable {

    /** What the server does once it has read a request. */
    enum Behaviour {
        /** Sends headers promising 500 bytes, 40 of them, then resets the connection (TCP RST). */
        RESET_MID_BODY,
        /** Sends headers promising a body, then closes the connection cleanly without sending it. */
        CLOSE_AFTER_HEADERS
    }

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    RawHttpServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "raw-http-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/openmem/v1";
    }

    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                readRequest(connection.getInputStream());
                requests.incrementAndGet();
                answer(connection);
            } catch (IOException e) {
                // closed, or the client went away: next connection
            }
        }
    }

    private void answer(Socket connection) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        if (behaviour == Behaviour.RESET_MID_BODY) {
            out.write("{\"code\":0,\"message\":\"ok\",\"data\":{\"memo".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            connection.setSoLinger(true, 0); // close() now sends RST instead of FIN
        } else {
            out.flush();
        }
    }

    /** Reads the request line, headers and a Content-Length body. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) { // "\r\n\r\n" ends the headers
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
