package org.streamml.viz.web;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The dashboard's defence against DNS rebinding: a browser tricked into sending a request to this server
 * under an attacker's host name sends that name in the {@code Host} header, so a request is served only
 * when its {@code Host} is an IP address, {@code localhost}, the name the server was bound to, or this
 * machine's own name (each with or without a port). A request without a {@code Host} header (a non-browser
 * HTTP/1.0 client) is served.
 */
final class HostCheck {
    private final Set<String> names = new HashSet<>();

    /** A check for a server bound to {@code boundHost}. */
    HostCheck(String boundHost) {
        names.add("localhost");
        if (boundHost != null && !boundHost.isBlank()) {
            names.add(boundHost.toLowerCase(Locale.ROOT));
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
            names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (java.io.IOException | SecurityException e) {
            // no name for this machine: IP addresses and localhost still work
        }
    }

    /** Whether a request with this {@code Host} header (or {@code null}) is served. */
    boolean accepts(String hostHeader) {
        if (hostHeader == null) {
            return true;
        }
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 1 && (close == h.length() - 1 || isPort(h.substring(close + 1)))
                    && h.substring(1, close).chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        int colon = h.lastIndexOf(':');
        if (colon >= 0) {
            if (!isPort(h.substring(colon))) {
                return false;
            }
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return isIpv4(h) || names.contains(h) || h.endsWith(".localhost");
    }

    private static boolean isPort(String s) {
        return s.length() > 1 && s.length() <= 6 && s.charAt(0) == ':' && s.substring(1).chars().allMatch(Character::isDigit);
    }

    private static boolean isIpv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
