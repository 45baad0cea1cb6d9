package com.helpdesk.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** The one way the local services pick a loopback port. */
public final class FreePort {
    private FreePort() {}

    /** The given port, or a free loopback port when 0. */
    public static int resolve(int port) {
        if (port != 0) return port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
