package ai.atelier.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as written, bytes and all: java.net.http would refuse or
 * normalise the malformed paths that path-traversal tests must put on the wire.
 */
final class RawHttp {
    record Response(int status, String head, String body) {}

    private RawHttp() {}

    static Response get(int port, String rawPath) throws IOException {
        return send(port, "GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code request} exactly as given (any Host header, any body) and reads the whole answer. */
    static Response send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            String[] statusLine = head.split("\r\n", 2)[0].split(" ");
            return new Response(Integer.parseInt(statusLine[1]), head, body);
        }
    }
}
