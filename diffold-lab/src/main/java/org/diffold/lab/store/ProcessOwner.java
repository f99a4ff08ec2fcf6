package org.diffold.lab.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who holds a run or a cell claim: host name, process id, process start time and a random token that tells two
 * {@link RunStore} instances of one process apart. Written as {@code host/pid/startMillis/token}.
 *
 * <p>A process on this host can be proven gone ({@link #isGoneOnThisHost()}: no process with that id, or one that
 * started at another time, i.e. a reused id); a process on another host never can, so its claims wait for their
 * lease to expire.
 *
 * @param host host name
 * @param pid process id
 * @param startMillis process start, epoch milliseconds, or -1 if the platform does not say
 * @param token random hex token of the store instance
 */
public record ProcessOwner(String host, long pid, long startMillis, String token) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HOST = hostName();

    /**
     * Returns a fresh owner for the running process, with a new token.
     *
     * @return the owner
     */
    public static ProcessOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessOwner(HOST, self.pid(), startMillis(self),
                HexFormat.of().toHexDigits(RANDOM.nextLong()).substring(8));
    }

    /**
     * Parses {@link #toString()}.
     *
     * @param text the owner text
     * @return the owner, or empty if the text is not in the owner format
     */
    public static Optional<ProcessOwner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int c = text.lastIndexOf('/');
        int b = c < 0 ? -1 : text.lastIndexOf('/', c - 1);
        int a = b < 0 ? -1 : text.lastIndexOf('/', b - 1);
        if (a <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcessOwner(text.substring(0, a), Long.parseLong(text.substring(a + 1, b)),
                    Long.parseLong(text.substring(b + 1, c)), text.substring(c + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Tells whether this owner's process provably no longer runs: it ran on this host and no live process has its
     * id and start time.
     *
     * @return true if the process is gone; false if it lives or runs elsewhere
     */
    public boolean isGoneOnThisHost() {
        if (!HOST.equals(host)) {
            return false;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return true;
        }
        long start = startMillis(h.get());
        return startMillis >= 0 && start >= 0 && start != startMillis;
    }

    @Override
    public String toString() {
        return host + "/" + pid + "/" + startMillis + "/" + token;
    }

    private static long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().replace('/', '_');
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
