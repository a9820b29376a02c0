package ai.atelier.knowledge;

import java.nio.FloatBuffer;

/**
 * Unit-length embedding vectors packed row after row: in a float array while an index is being
 * built, or straight in the memory-mapped vectors file of a saved index, so opening a 100k-chunk
 * index does not copy 150 MB onto the heap. Cosine similarity of unit vectors is a plain dot product
 * over contiguous memory.
 */
final class Vectors {
    private final float[] data;        // when built in memory
    private final FloatBuffer mapped;  // when read from disk
    private final int dims;
    private final int size;

    Vectors(float[] data, int dims) {
        if (dims <= 0 || data.length % dims != 0) throw new IllegalArgumentException("vector data is not a whole number of " + dims + "-dim rows");
        this.data = data;
        this.mapped = null;
        this.dims = dims;
        this.size = data.length / dims;
    }

    Vectors(FloatBuffer mapped, int dims) {
        if (dims <= 0 || mapped.capacity() % dims != 0) throw new IllegalArgumentException("vector data is not a whole number of " + dims + "-dim rows");
        this.data = null;
        this.mapped = mapped;
        this.dims = dims;
        this.size = mapped.capacity() / dims;
    }

    int size() {
        return size;
    }

    int dims() {
        return dims;
    }

    /** Copies row {@code i} into {@code out} at {@code at}. */
    void copyRow(int i, float[] out, int at) {
        if (data != null) System.arraycopy(data, i * dims, out, at, dims);
        else mapped.get(i * dims, out, at, dims);
    }

    float[] row(int i) {
        float[] out = new float[dims];
        copyRow(i, out, 0);
        return out;
    }

    /** Dot product of row {@code i} and {@code q}; four accumulators let the JIT pipeline the loop. */
    float dot(int i, float[] q) {
        int off = i * dims;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        if (data != null) {
            for (; j + 3 < dims; j += 4) {
                s0 += data[off + j] * q[j];
                s1 += data[off + j + 1] * q[j + 1];
                s2 += data[off + j + 2] * q[j + 2];
                s3 += data[off + j + 3] * q[j + 3];
            }
            for (; j < dims; j++) s0 += data[off + j] * q[j];
        } else {
            FloatBuffer m = mapped;
            for (; j + 3 < dims; j += 4) {
                s0 += m.get(off + j) * q[j];
                s1 += m.get(off + j + 1) * q[j + 1];
                s2 += m.get(off + j + 2) * q[j + 2];
                s3 += m.get(off + j + 3) * q[j + 3];
            }
            for (; j < dims; j++) s0 += m.get(off + j) * q[j];
        }
        return s0 + s1 + s2 + s3;
    }

    /**
     * Dot product of row {@code i} and {@code q} for search loops: a mapped row is first copied in
     * bulk into {@code scratch} (a memcpy), which beats element-by-element reads of the buffer.
     */
    float dot(int i, float[] q, float[] scratch) {
        if (data != null) return dot(i, q);
        mapped.get(i * dims, scratch, 0, dims);
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < dims; j += 4) {
            s0 += scratch[j] * q[j];
            s1 += scratch[j + 1] * q[j + 1];
            s2 += scratch[j + 2] * q[j + 2];
            s3 += scratch[j + 3] * q[j + 3];
        }
        for (; j < dims; j++) s0 += scratch[j] * q[j];
        return s0 + s1 + s2 + s3;
    }

    /** Dot product of rows {@code i} and {@code j} (graph building, in memory). */
    float dot(int i, int j) {
        if (data == null) return dot(i, row(j));
        int a = i * dims, b = j * dims;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < dims; k += 4) {
            s0 += data[a + k] * data[b + k];
            s1 += data[a + k + 1] * data[b + k + 1];
            s2 += data[a + k + 2] * data[b + k + 2];
            s3 += data[a + k + 3] * data[b + k + 3];
        }
        for (; k < dims; k++) s0 += data[a + k] * data[b + k];
        return s0 + s1 + s2 + s3;
    }

    /** Scales {@code v} to unit length in place (a zero vector stays zero). */
    static float[] normalise(float[] v) {
        double n = 0;
        for (float f : v) n += (double) f * f;
        if (n == 0) return v;
        float inv = (float) (1 / Math.sqrt(n));
        for (int i = 0; i < v.length; i++) v[i] *= inv;
        return v;
    }
}
