package org.diffold.nn.checkpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Reads and writes {@link Checkpoint} files, format version {@value #VERSION}:
 * <pre>
 * magic "DIFFOLD-NN\n" | int version | int nMeta, (utf key, utf value)* |
 * int nTensors, (utf name, byte type 'f'|'d', int length, little-endian values)* | long CRC-32 of all bytes before it
 * </pre>
 * Integers are big-endian ({@link DataOutputStream}). Writing goes to a temporary file in the same folder, then an
 * atomic rename, so a crash leaves the previous checkpoint intact.
 */
public final class CheckpointFormat {
    /**
     * Current format version. 2 added the {@code edm} parameterisation and {@code net.sigmaData}; version-1 files
     * (no preconditioning) still load, and a reader that knows only version 1 refuses version 2 with a version error
     * instead of misreading an {@code edm} network. 3 added {@code edm-pca} and its {@code whitening/*} tensors;
     * versions 1 and 2 still load.
     */
    public static final int VERSION = 3;
    private static final byte[] MAGIC = "DIFFOLD-NN\n".getBytes(StandardCharsets.US_ASCII);

    private CheckpointFormat() {}

    /** Writes {@code c} to {@code file} atomically (temp file + rename). */
    public static void write(Path file, Checkpoint c) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        org.diffold.core.data.StaleTemps.clean(dir);
        Path tmp = Files.createTempFile(dir, org.diffold.core.data.StaleTemps.prefix(file.getFileName().toString(), "tmp"), "");
        try {
            try (OutputStream fos = Files.newOutputStream(tmp)) {
                CRC32 crc = new CRC32();
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(fos, crc), 1 << 16));
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(c.meta().size());
                for (Map.Entry<String, String> e : c.meta().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeUTF(e.getValue());
                }
                out.writeInt(c.floats().size() + c.doubles().size());
                for (Map.Entry<String, float[]> e : c.floats().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeByte('f');
                    out.writeInt(e.getValue().length);
                    ByteBuffer b = ByteBuffer.allocate(e.getValue().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                    b.asFloatBuffer().put(e.getValue());
                    out.write(b.array());
                }
                for (Map.Entry<String, double[]> e : c.doubles().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeByte('d');
                    out.writeInt(e.getValue().length);
                    ByteBuffer b = ByteBuffer.allocate(e.getValue().length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                    b.asDoubleBuffer().put(e.getValue());
                    out.write(b.array());
                }
                out.flush();
                long sum = crc.getValue();
                new DataOutputStream(fos).writeLong(sum);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a checkpoint; {@link CheckpointException} with a one-line message when it is unusable. */
    public static Checkpoint read(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new CheckpointException(file + " is a folder, not a checkpoint file");
        long fileSize = Files.exists(file) ? Files.size(file) : 0;
        try (InputStream fis = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(fis, fileSize, file.toString());
        } catch (NoSuchFileException e) {
            throw new CheckpointException("checkpoint " + file + " does not exist", e);
        }
    }

    /**
     * Reads a checkpoint from a stream of {@code fileSize} bytes; {@code file} names it in errors.
     *
     * @throws CheckpointException with a one-line message when the content is unusable
     * @throws IOException when the stream itself fails
     */
    public static Checkpoint read(InputStream fis, long fileSize, String file) throws IOException {
        try {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(fis, crc));
            byte[] magic = new byte[MAGIC.length];
            int got = in.readNBytes(magic, 0, magic.length);
            if (got < magic.length || !Arrays.equals(magic, MAGIC)) {
                throw new CheckpointException(file + " is not a Diffold checkpoint (bad magic bytes)");
            }
            int version = in.readInt();
            if (version > VERSION || version < 1) {
                throw new CheckpointException(file + " has checkpoint format version " + version + "; this Diffold reads versions 1.." + VERSION);
            }
            int nMeta = count(in.readInt(), file, "metadata entries");
            Map<String, String> meta = new LinkedHashMap<>();
            for (int i = 0; i < nMeta; i++) meta.put(in.readUTF(), in.readUTF());
            int nTensors = count(in.readInt(), file, "tensors");
            Map<String, float[]> floats = new LinkedHashMap<>();
            Map<String, double[]> doubles = new LinkedHashMap<>();
            for (int i = 0; i < nTensors; i++) {
                String name = in.readUTF();
                int type = in.readByte();
                int len = count(in.readInt(), file, "values in tensor " + name);
                if ((long) len * (type == 'd' ? Double.BYTES : Float.BYTES) > fileSize) {
                    throw new CheckpointException(file + " is corrupt: tensor " + name + " claims " + len + " values, more than the file holds");
                }
                if (type == 'f') {
                    byte[] raw = new byte[Math.multiplyExact(len, Float.BYTES)];
                    in.readFully(raw);
                    float[] v = new float[len];
                    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                    floats.put(name, v);
                } else if (type == 'd') {
                    byte[] raw = new byte[Math.multiplyExact(len, Double.BYTES)];
                    in.readFully(raw);
                    double[] v = new double[len];
                    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
                    doubles.put(name, v);
                } else {
                    throw new CheckpointException(file + " is corrupt: tensor " + name + " has unknown type " + type);
                }
            }
            long expected = crc.getValue();
            long stored = new DataInputStream(fis).readLong();
            if (stored != expected) throw new CheckpointException(file + " is corrupt: checksum mismatch");
            if (fis.read() != -1) throw new CheckpointException(file + " is corrupt: trailing bytes after the checksum");
            return new Checkpoint(meta, floats, doubles);
        } catch (EOFException e) {
            throw new CheckpointException(file + " is truncated (ends before the checksum)", e);
        } catch (java.io.UTFDataFormatException | ArithmeticException | OutOfMemoryError | NegativeArraySizeException e) {
            throw new CheckpointException(file + " is corrupt: " + e.getClass().getSimpleName(), e);
        }
    }

    private static int count(int n, String file, String what) {
        if (n < 0 || n > (1 << 30)) throw new CheckpointException(file + " is corrupt: implausible number of " + what + " (" + n + ")");
        return n;
    }
}
