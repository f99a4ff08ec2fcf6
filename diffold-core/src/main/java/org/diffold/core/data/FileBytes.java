package org.diffold.core.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads a whole file, transparently gunzipping it when it starts with the gzip magic 1f 8b. */
final class FileBytes {
    /** Largest file content (a Java array's limit). */
    static final int MAX_BYTES = Integer.MAX_VALUE - 8;

    private FileBytes() {}

    /**
     * The file's (decompressed) bytes.
     *
     * @param hint appended to the message when the file is missing (e.g. which package provides it)
     * @throws IllegalArgumentException when the file is missing, a folder, unreadable, or its gzip stream is
     *     truncated or corrupt
     */
    static byte[] read(Path path, String hint) throws IOException {
        if (Files.isDirectory(path)) throw new IllegalArgumentException(path + " is a folder, not a data file");
        byte[] raw;
        try {
            raw = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found: " + path + (hint == null ? "" : "; " + hint));
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read " + path + ": permission denied");
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException(path + " is too large to read into the heap; run with a larger -Xmx");
        }
        return gunzipIfNeeded(raw, path.toString());
    }

    /** {@code raw} itself, or its gunzipped content when it starts with the gzip magic; {@code where} names it in errors. */
    static byte[] gunzipIfNeeded(byte[] raw, String where) {
        if (raw.length < 2 || (raw[0] & 0xFF) != 0x1F || (raw[1] & 0xFF) != 0x8B) return raw;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, Math.min(raw.length, 1 << 26) * 4));
            byte[] chunk = new byte[1 << 16];
            for (int got; (got = in.read(chunk)) > 0; ) {
                if (out.size() > MAX_BYTES - got) {
                    throw new IllegalArgumentException("gzip data in " + where + " expands to more than " + MAX_BYTES + " bytes");
                }
                out.write(chunk, 0, got);
            }
            return out.toByteArray();
        } catch (IOException e) { // the source is in memory: any I/O error is bad gzip data
            throw new IllegalArgumentException("truncated or corrupt gzip data in " + where + " ("
                    + Printable.of(String.valueOf(e.getMessage())) + ")");
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException("gzip data in " + where + " is too large to unpack into the heap; run with a larger -Xmx");
        }
    }
}
