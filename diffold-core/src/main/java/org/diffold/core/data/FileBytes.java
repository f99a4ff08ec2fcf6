package org.diffold.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a whole file, transparently gunzipping it when it starts with the gzip magic 1f 8b. */
final class FileBytes {
    private FileBytes() {}

    /**
     * The file's (decompressed) bytes.
     *
     * @param hint appended to the message when the file is missing (e.g. which package provides it)
     * @throws IllegalArgumentException when the file is missing or its gzip stream is truncated or corrupt
     */
    static byte[] read(Path path, String hint) throws IOException {
        byte[] raw;
        try {
            raw = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found: " + path + (hint == null ? "" : "; " + hint));
        }
        if (raw.length < 2 || (raw[0] & 0xFF) != 0x1F || (raw[1] & 0xFF) != 0x8B) return raw;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, raw.length * 4));
            in.transferTo(out);
            return out.toByteArray();
        } catch (java.io.EOFException | ZipException e) {
            throw new IllegalArgumentException("truncated or corrupt gzip data in " + path + " (" + e.getMessage() + ")");
        }
    }
}
