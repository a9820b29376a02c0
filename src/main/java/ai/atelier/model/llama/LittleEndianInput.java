package ai.atelier.model.llama;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads GGUF's little-endian primitives from a stream, counting bytes so errors can say where. */
final class LittleEndianInput implements AutoCloseable {
    private final InputStream in;
    private long position;

    LittleEndianInput(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    long position() {
        return position;
    }

    int u8() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("end of file at byte " + position);
        position++;
        return b;
    }

    int u32() throws IOException {
        return u8() | u8() << 8 | u8() << 16 | u8() << 24;
    }

    long u64() throws IOException {
        return (u32() & 0xFFFFFFFFL) | (long) u32() << 32;
    }

    /** A GGUF string: u64 length then UTF-8 bytes; longer than {@code max} bytes is refused. */
    String string(long max) throws IOException {
        long len = u64();
        if (len < 0 || len > max) throw new GgufCorrupt("a string of " + len + " bytes at byte " + position + " (limit " + max + ")");
        return new String(bytes((int) len), StandardCharsets.UTF_8);
    }

    byte[] bytes(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        position += b.length;
        if (b.length < n) throw new EOFException("end of file at byte " + position);
        return b;
    }

    void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s > 0) {
                position += s;
                left -= s;
            } else {
                u8(); // skip() may return 0 before the end; one read tells progress from EOF
                left--;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Structurally impossible content (a negative or absurd length), as opposed to a short file. */
    static final class GgufCorrupt extends IOException {
        GgufCorrupt(String what) {
            super(what);
        }
    }
}
