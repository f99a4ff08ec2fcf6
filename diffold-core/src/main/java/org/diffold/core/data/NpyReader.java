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
 * first axis as rows and flatten the rest; Fortran-ordered arrays are transposed to row-major. A wrong magic string,
 * an unsupported dtype, an unreadable header or a data section of the wrong length is an error naming the file.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {}

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException for a missing, truncated or corrupt file, naming it
     */
    public static DataMatrix read(Path path) throws IOException {
        byte[] b = FileBytes.read(path, null);
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.length <= i || b[i] != MAGIC[i]) throw new IllegalArgumentException("wrong magic number in " + path + ": not a NumPy .npy file");
        }
        if (b.length < 10) throw new IllegalArgumentException("truncated .npy file " + path + ": no header");
        int major = b[6] & 0xFF;
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int start;
        if (major == 1) { headerLen = buf.getShort(8) & 0xFFFF; start = 10; }
        else if (major == 2 || major == 3) {
            if (b.length < 12) throw new IllegalArgumentException("truncated .npy file " + path + ": no header");
            headerLen = buf.getInt(8) & 0xFFFFFFFFL; start = 12;
        } else throw new IllegalArgumentException("unsupported .npy format version " + major + " in " + path);
        if (start + headerLen > b.length) throw new IllegalArgumentException("truncated .npy file " + path + ": header of " + headerLen + " bytes is cut off");
        String header = new String(b, start, (int) headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher md = DESCR.matcher(header), mf = FORTRAN.matcher(header), ms = SHAPE.matcher(header);
        if (!md.find() || !mf.find() || !ms.find()) throw new IllegalArgumentException("corrupt .npy header in " + path + ": " + header.trim());
        char order = md.group(1).charAt(0), kind = md.group(2).charAt(0);
        int width = Integer.parseInt(md.group(3));
        if (!supported(kind, width)) throw new IllegalArgumentException("unsupported .npy dtype '" + md.group(1) + kind + width + "' in " + path);
        boolean fortran = mf.group(1).equals("True");
        long[] shape = parseShape(ms.group(1), path);
        long rows = shape.length == 0 ? 1 : shape[0], cols = 1;
        for (int k = 1; k < shape.length; k++) cols *= shape[k];
        long count = rows * cols, dataStart = start + headerLen, expected = dataStart + count * width;
        if (count > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(".npy file " + path + " holds " + count + " values, too many for one array");
        if (b.length < expected) throw new IllegalArgumentException("truncated .npy file " + path + ": shape needs " + count * width + " data bytes, file has " + (b.length - dataStart));
        if (b.length > expected) throw new IllegalArgumentException("corrupt .npy file " + path + ": " + (b.length - expected) + " bytes after the data");
        buf.order(order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        buf.position((int) dataStart);
        double[] raw = new double[(int) count];
        for (int i = 0; i < raw.length; i++) raw[i] = value(buf, kind, width);
        double[] v = raw;
        if (fortran && shape.length >= 2) {
            // column-major over (rows, rest): element (r, c) sits at c * rows + r
            v = new double[raw.length];
            for (long r = 0; r < rows; r++) for (long c = 0; c < cols; c++) v[(int) (r * cols + c)] = raw[(int) (c * rows + r)];
        }
        return new DataMatrix(v, (int) rows, (int) cols, path.getFileName().toString());
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

    private static long[] parseShape(String text, Path path) {
        String[] parts = text.split(",");
        int n = 0;
        long[] out = new long[parts.length];
        for (String p : parts) {
            String s = p.trim();
            if (s.isEmpty()) continue;
            try {
                out[n] = Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("corrupt .npy header in " + path + ": shape (" + text + ")");
            }
            if (out[n] < 0) throw new IllegalArgumentException("corrupt .npy header in " + path + ": negative shape (" + text + ")");
            n++;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
