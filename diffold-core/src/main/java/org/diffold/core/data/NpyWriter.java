package org.diffold.core.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes NumPy {@code .npy} files, format version 1.0, holding little-endian float64 ({@code '<f8'}) arrays in
 * C (row-major) order, so that {@code numpy.load(path)} returns the matrix unchanged.
 *
 * <p>Layout (NumPy format specification, {@code numpy.lib.format}): the magic string {@code \x93NUMPY}, the
 * version bytes {@code 1, 0}, a little-endian uint16 header length {@code HEADER_LEN}, then an ASCII Python dict
 * literal {@code {'descr': '<f8', 'fortran_order': False, 'shape': (n, d), }} padded with spaces and ended by
 * {@code '\n'} so that {@code 10 + HEADER_LEN} is a multiple of 64, followed by the raw data. Files are written
 * atomically ({@link AtomicWrite}).
 */
public final class NpyWriter {

    /** The six-byte magic string that starts every {@code .npy} file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Alignment of the start of the data, in bytes, required by the format. */
    static final int ALIGN = 64;
    private static final int PREAMBLE = MAGIC.length + 2 + 2;
    private static final int CHUNK_DOUBLES = 8192;

    private NpyWriter() {
    }

    /**
     * Writes a matrix of shape {@code (rows, cols)}.
     *
     * @param target file to create or replace
     * @param data flat row-major values, length {@code rows * cols}; not modified
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @return {@code target}
     * @throws IllegalArgumentException if the shape is negative or does not match {@code data.length}
     * @throws IOException if the file cannot be written
     */
    public static Path write(Path target, double[] data, int rows, int cols) throws IOException {
        Objects.requireNonNull(data, "data");
        checkShape(data.length, rows, cols);
        return writeArray(target, data, "(" + rows + ", " + cols + ")");
    }

    /**
     * Writes a vector of shape {@code (n,)}.
     *
     * @param target file to create or replace
     * @param data the values; not modified
     * @return {@code target}
     * @throws IOException if the file cannot be written
     */
    public static Path write(Path target, double[] data) throws IOException {
        Objects.requireNonNull(data, "data");
        return writeArray(target, data, "(" + data.length + ",)");
    }

    /**
     * Builds the complete preamble and padded header for the given shape tuple text.
     *
     * @param shapeTuple Python tuple literal, for example {@code "(3, 2)"} or {@code "(5,)"}
     * @return magic, version, header length and header dict; its length is a multiple of 64
     */
    static byte[] header(String shapeTuple) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shapeTuple + ", }";
        int unpadded = PREAMBLE + dict.length() + 1;
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        String text = dict + " ".repeat(padding) + "\n";
        if (text.length() > 0xFFFF) {
            throw new IllegalArgumentException("shape " + shapeTuple + " gives a header longer than 65535 bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate(PREAMBLE + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        buf.put(text.getBytes(StandardCharsets.US_ASCII));
        return buf.array();
    }

    static void checkShape(int length, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape (" + rows + ", " + cols + ") must be non-negative");
        }
        if ((long) rows * cols != length) {
            throw new IllegalArgumentException("data.length " + length + " must equal rows * cols = "
                    + rows + " * " + cols + " = " + (long) rows * cols);
        }
    }

    private static Path writeArray(Path target, double[] data, String shapeTuple) throws IOException {
        byte[] header = header(shapeTuple);
        return AtomicWrite.write(target, out -> {
            out.write(header);
            writeDoubles(out, data);
        });
    }

    private static void writeDoubles(OutputStream out, double[] data) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK_DOUBLES * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < data.length; start += CHUNK_DOUBLES) {
            int end = Math.min(data.length, start + CHUNK_DOUBLES);
            buf.clear();
            buf.asDoubleBuffer().put(data, start, end - start);
            out.write(buf.array(), 0, (end - start) * Double.BYTES);
        }
    }
}
