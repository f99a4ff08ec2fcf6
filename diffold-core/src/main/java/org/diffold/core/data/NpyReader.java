package org.diffold.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0; NumPy's {@code numpy.lib.format} specification):
 * the magic {@code \x93NUMPY}, version bytes, a little-endian header length (uint16 for 1.0, uint32 after), and a
 * Python dict literal with {@code descr}, {@code fortran_order} and {@code shape}. Supported dtypes: float64, float32,
 * int64, int32, int16, int8, uint8 and uint16, either byte order. A 1-D array is one column; higher ranks keep the
 * first axis as rows and flatten the rest in C order; Fortran-ordered arrays of any rank are reordered to that C order.
 * A wrong magic string, an unsupported dtype (named as such), an unreadable header, a shape whose element count
 * overflows, or a data section of the wrong length is an error naming the file.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern DTYPE = Pattern.compile("([<>|=]?)([a-zA-Z])(\\d{1,9})");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final String SUPPORTED = "float64, float32, int64, int32, int16, int8, uint8, uint16";

    private NpyReader() {}

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException for a missing, truncated or corrupt file, naming it
     */
    public static DataMatrix read(Path path) throws IOException {
        return parse(FileBytes.read(path, null), path.toString(), path.getFileName().toString());
    }

    /**
     * Parses the bytes of a .npy file (already gunzipped).
     *
     * @param b the file content
     * @param where the file's name in error messages
     * @param source the matrix's source description
     * @throws IllegalArgumentException for truncated or corrupt content, naming {@code where}
     */
    public static DataMatrix parse(byte[] b, String where, String source) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.length <= i || b[i] != MAGIC[i]) throw new IllegalArgumentException("wrong magic number in " + where + ": not a NumPy .npy file");
        }
        if (b.length < 10) throw new IllegalArgumentException("truncated .npy file " + where + ": no header");
        int major = b[6] & 0xFF;
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int start;
        if (major == 1) { headerLen = buf.getShort(8) & 0xFFFF; start = 10; }
        else if (major == 2 || major == 3) {
            if (b.length < 12) throw new IllegalArgumentException("truncated .npy file " + where + ": no header");
            headerLen = buf.getInt(8) & 0xFFFFFFFFL; start = 12;
        } else throw new IllegalArgumentException("unsupported .npy format version " + major + " in " + where + " (1, 2 and 3 are)");
        if (start + headerLen > b.length) throw new IllegalArgumentException("truncated .npy file " + where + ": header of " + headerLen + " bytes is cut off");
        String header = new String(b, start, (int) headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher md = DESCR.matcher(header), mf = FORTRAN.matcher(header), ms = SHAPE.matcher(header);
        if (!md.find() || !mf.find() || !ms.find()) {
            throw new IllegalArgumentException("corrupt .npy header in " + where + ": " + Printable.of(header.strip()));
        }
        String descr = md.group(1);
        Matcher dt = DTYPE.matcher(descr);
        if (!dt.matches() || !supported(dt.group(2).charAt(0), Integer.parseInt(dt.group(3)))) {
            throw new IllegalArgumentException("unsupported .npy dtype '" + Printable.of(descr, 40) + "' in " + where + "; supported: " + SUPPORTED);
        }
        char order = dt.group(1).isEmpty() ? '=' : dt.group(1).charAt(0), kind = dt.group(2).charAt(0);
        int width = Integer.parseInt(dt.group(3));
        boolean fortran = mf.group(1).equals("True");
        long[] shape = parseShape(ms.group(1), where);
        long rows = shape.length == 0 ? 1 : shape[0], cols = 1, count;
        try {
            for (int k = 1; k < shape.length; k++) cols = Math.multiplyExact(cols, shape[k]);
            count = Math.multiplyExact(rows, cols);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("corrupt .npy header in " + where + ": shape (" + Printable.of(ms.group(1), 60) + ") holds more than 2^63 values");
        }
        if (count > Integer.MAX_VALUE - 8 || rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(".npy file " + where + " has shape " + rows + " x " + cols + ", too large for one array (at most 2^31 - 9 values)");
        }
        long dataStart = start + headerLen, expected = dataStart + count * width;
        if (b.length < expected) throw new IllegalArgumentException("truncated .npy file " + where + ": shape needs " + count * width + " data bytes, file has " + (b.length - dataStart));
        if (b.length > expected) throw new IllegalArgumentException("corrupt .npy file " + where + ": " + (b.length - expected) + " bytes after the data");
        buf.order(order == '>' ? ByteOrder.BIG_ENDIAN : order == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN);
        buf.position((int) dataStart);
        double[] raw = new double[(int) count];
        for (int i = 0; i < raw.length; i++) raw[i] = value(buf, kind, width);
        double[] v = fortran && shape.length >= 2 ? fromFortran(raw, shape) : raw;
        return new DataMatrix(v, (int) rows, (int) cols, source);
    }

    /**
     * Reorders a column-major array of the given shape to row-major: element (i0, ..., i_{r-1}) sits at
     * {@code i0 + s0 (i1 + s1 (i2 + ...))} in {@code raw} and at {@code ((i0 s1 + i1) s2 + i2) ...} in the result.
     */
    static double[] fromFortran(double[] raw, long[] shape) {
        int r = shape.length;
        int[] s = new int[r];
        for (int k = 0; k < r; k++) s[k] = (int) shape[k];
        int[] stride = new int[r]; // Fortran strides
        stride[0] = 1;
        for (int k = 1; k < r; k++) stride[k] = stride[k - 1] * s[k - 1];
        double[] v = new double[raw.length];
        int[] idx = new int[r];
        int src = 0;
        for (int dst = 0; dst < v.length; dst++) {
            v[dst] = raw[src];
            for (int k = r - 1; k >= 0; k--) { // advance the C-order index, keeping the Fortran offset in step
                if (++idx[k] < s[k]) { src += stride[k]; break; }
                src -= (s[k] - 1) * stride[k];
                idx[k] = 0;
            }
        }
        return v;
    }

    private static boolean supported(char kind, int width) {
        return switch (kind) {
            case 'f' -> width == 4 || width == 8;
            case 'i' -> width == 1 || width == 2 || width == 4 || width == 8;
            case 'u' -> width == 1 || width == 2;
            default -> false;
        };
    }

    private static double value(ByteBuffer buf, char kind, int width) {
        if (kind == 'f') return width == 8 ? buf.getDouble() : buf.getFloat();
        if (kind == 'u') return width == 1 ? buf.get() & 0xFF : buf.getShort() & 0xFFFF;
        return switch (width) {
            case 1 -> buf.get();
            case 2 -> buf.getShort();
            case 4 -> buf.getInt();
            default -> buf.getLong();
        };
    }

    private static long[] parseShape(String text, String where) {
        String[] parts = text.split(",", -1);
        int n = 0;
        long[] out = new long[parts.length];
        for (String p : parts) {
            String s = p.strip();
            if (s.isEmpty()) continue;
            try {
                out[n] = Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("corrupt .npy header in " + where + ": shape (" + Printable.of(text, 60) + ")");
            }
            if (out[n] < 0) throw new IllegalArgumentException("corrupt .npy header in " + where + ": negative shape (" + Printable.of(text, 60) + ")");
            n++;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
