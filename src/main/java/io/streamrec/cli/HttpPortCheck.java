package io.streamrec.cli;

import io.streamrec.config.StreamrecConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A second instance on a host with the first one's HTTP port would start its Streams clients and
 * then fail to bind, in a stack trace: this binds the port first and says it in one line.
 */
final class HttpPortCheck {
    private HttpPortCheck() {}

    /** @throws IllegalArgumentException naming streamrec.http.port when the port is taken */
    static void requireFree(StreamrecConfig config) {
        int port = config.getInt(StreamrecConfig.HTTP_PORT);
        if (port == 0) {
            return;
        }
        String host = config.get(StreamrecConfig.HTTP_HOST);
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalArgumentException(StreamrecConfig.HTTP_PORT.name() + " " + port + " on " + host
                    + " is in use (" + e.getMessage() + "); give each instance on a host its own "
                    + "(--http-port PORT)", e);
        }
    }
}
