package ai.atelier.model.llama;

/**
 * Storage size of ggml's tensor types (bytes per block of elements), as written in GGUF tensor
 * infos. Needed to know how many bytes of tensor data a file must hold, so a truncated download
 * is caught before llama.cpp maps it.
 */
final class GgmlType {
    private GgmlType() {}

    // {type id, block size in elements, bytes per block}; ids from ggml.h's enum ggml_type.
    private static final int[][] SIZES = {
            {0, 1, 4}, {1, 1, 2}, {2, 32, 18}, {3, 32, 20}, {6, 32, 22}, {7, 32, 24}, {8, 32, 34}, {9, 32, 36},
            {10, 256, 84}, {11, 256, 110}, {12, 256, 144}, {13, 256, 176}, {14, 256, 210}, {15, 256, 292},
            {16, 256, 66}, {17, 256, 74}, {18, 256, 98}, {19, 256, 50}, {20, 32, 18}, {21, 256, 110},
            {22, 256, 82}, {23, 256, 136}, {24, 1, 1}, {25, 1, 2}, {26, 1, 4}, {27, 1, 8}, {28, 1, 8},
            {29, 256, 56}, {30, 1, 2}, {34, 256, 54}, {35, 256, 66}, {39, 32, 17}};

    private static final String[] NAMES = {"F32", "F16", "Q4_0", "Q4_1", null, null, "Q5_0", "Q5_1", "Q8_0", "Q8_1",
            "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "Q8_K", "IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ1_S", "IQ4_NL", "IQ3_S",
            "IQ2_S", "IQ4_XS", "I8", "I16", "I32", "I64", "F64", "IQ1_M", "BF16", null, null, null, "TQ1_0", "TQ2_0",
            null, null, null, "MXFP4"};

    /** Bytes a tensor of {@code elements} elements takes, or -1 if the type is unknown to this table. */
    static long bytes(int type, long elements) {
        for (int[] s : SIZES) {
            if (s[0] == type) return (elements + s[1] - 1) / s[1] * s[2];
        }
        return -1;
    }

    static String name(int type) {
        return type >= 0 && type < NAMES.length && NAMES[type] != null ? NAMES[type] : "type " + type;
    }
}
