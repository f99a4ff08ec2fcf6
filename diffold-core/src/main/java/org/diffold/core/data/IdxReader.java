package org.diffold.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads IDX files (the MNIST format; gzip-compressed or not). Layout (LeCun et al.): two zero bytes, a type byte
 * (0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64), the number of
 * dimensions, then each dimension as a big-endian int32, then the values big-endian in row-major order. The first
 * dimension indexes points; the others are flattened (28 x 28 images become rows of 784). The file must hold exactly
 * the declared number of values: a wrong magic number, an unknown type, or a truncated or over-long file is an error.
 */
public final class IdxReader {
    private IdxReader() {}

    /** Reads the whole file. */
    public static DataMatrix read(Path path) throws IOException {
        return read(path, null);
    }

    /**
     * Reads the whole file.
     *
     * @param hint added to the message when the file is missing (e.g. the package that provides it)
     * @throws IllegalArgumentException for a missing, truncated or corrupt file, naming it
     */
    public static DataMatrix read(Path path, String hint) throws IOException {
        return read(path, hint, Integer.MAX_VALUE);
    }

    /**
     * Reads the first {@code maxRows} points (all if fewer); the whole file is still checked for its declared length.
     *
     * @param hint added to the message when the file is missing (e.g. the package that provides it)
     * @throws IllegalArgumentException for a missing, truncated or corrupt file, naming it
     */
    public static DataMatrix read(Path path, String hint, int maxRows) throws IOException {
        if (maxRows < 0) throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
        return parse(FileBytes.read(path, hint), path.toString(), path.getFileName().toString(), maxRows);
    }

    /**
     * Parses the bytes of an IDX file (already gunzipped), keeping the first {@code maxRows} points.
     *
     * @param where the file's name in error messages
     * @param name the file's short name for the matrix's source
     * @throws IllegalArgumentException for truncated or corrupt content, naming {@code where}
     */
    public static DataMatrix parse(byte[] b, String where, String name, int maxRows) {
        if (maxRows < 0) throw new IllegalArgumentException("maxRows must be >= 0, got " + maxRows);
        if (b.length < 4) throw new IllegalArgumentException("not an IDX file (shorter than its 4-byte magic number): " + where);
        if (b[0] != 0 || b[1] != 0) {
            throw new IllegalArgumentException(String.format("wrong magic number in %s: 0x%02x%02x%02x%02x (IDX files start with 0x0000)",
                    where, b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF, b[3] & 0xFF));
        }
        int type = b[2] & 0xFF, dims = b[3] & 0xFF;
        int width = switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw new IllegalArgumentException(String.format("wrong magic number in %s: unknown IDX type 0x%02x", where, type));
        };
        if (dims < 1) throw new IllegalArgumentException("corrupt IDX header in " + where + ": 0 dimensions");
        int headerLen = 4 + 4 * dims;
        if (b.length < headerLen) throw new IllegalArgumentException("truncated IDX file " + where + ": header needs " + headerLen + " bytes, file has " + b.length);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        buf.position(4);
        long rows = 0, cols = 1, count;
        try {
            for (int k = 0; k < dims; k++) {
                int size = buf.getInt();
                if (size < 0) throw new IllegalArgumentException("corrupt IDX header in " + where + ": dimension " + k + " is " + size);
                if (k == 0) rows = size; else cols = Math.multiplyExact(cols, size);
            }
            count = Math.multiplyExact(rows, cols);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("corrupt IDX header in " + where + ": its " + dims + " dimensions hold more than 2^63 values");
        }
        if (count > Integer.MAX_VALUE - 8 || cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("IDX file " + where + " declares " + rows + " x " + cols + " values, too many for one array (at most 2^31 - 9)");
        }
        long expected = headerLen + count * width;
        if (b.length < expected) {
            throw new IllegalArgumentException("truncated IDX file " + where + ": header declares " + rows + " x " + cols + " values ("
                    + expected + " bytes), file has " + b.length + " bytes");
        }
        if (b.length > expected) {
            throw new IllegalArgumentException("corrupt IDX file " + where + ": " + (b.length - expected) + " bytes after the declared "
                    + rows + " x " + cols + " values");
        }
        int keep = (int) Math.min(rows, maxRows);
        double[] v = new double[(int) (keep * cols)];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (type) {
                case 0x08 -> buf.get() & 0xFF;
                case 0x09 -> buf.get();
                case 0x0B -> buf.getShort();
                case 0x0C -> buf.getInt();
                case 0x0D -> buf.getFloat();
                default -> buf.getDouble();
            };
        }
        String source = name + (keep < rows ? " (first " + keep + " rows)" : "");
        return new DataMatrix(v, keep, (int) cols, source);
    }
}
