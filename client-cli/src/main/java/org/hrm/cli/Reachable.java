package org.hrm.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether a server of a running sandbox still listens; public for the sandbox's demo, which asks it too. */
public final class Reachable {
    private Reachable() {}

    public static boolean kafka(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0];
        int colon = first.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
                    500);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
