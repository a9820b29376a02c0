package ai.atelier.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How amounts of money (and every other fractional number Atelier writes) appear in its files and
 * streams: plain decimal notation rounded to {@value #SIGNIFICANT_DIGITS} significant digits, so a
 * cost summed from per-token prices reads {@code 0.0007708}, never {@code 0.0007708000000000001}
 * nor {@code 8.86E-4}. Costs are computed in doubles from catalog prices; their binary rounding
 * noise sits around the 16th digit, far below what ten digits keep (a millionth of a cent on a
 * dollar). One place for report.json, the run store, the HTTP API and its events, compare and tco
 * outputs: each of their JSON mappers is made with {@link #json(ObjectMapper)}.
 */
public final class Money {
    /** Digits kept: enough for any price times any token count, few enough to drop binary noise. */
    public static final int SIGNIFICANT_DIGITS = 10;
    private static final MathContext CONTEXT = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    private Money() {}

    /** The exact decimal a double stands for, to {@value #SIGNIFICANT_DIGITS} significant digits, without trailing zeros. */
    public static BigDecimal exact(double value) {
        if (value == 0) return BigDecimal.ZERO;
        return new BigDecimal(Double.toString(value)).round(CONTEXT).stripTrailingZeros();
    }

    /** {@link #exact(double)} as plain text ({@code 0.000886}, never {@code 8.86E-4}). */
    public static String plain(double value) {
        return Double.isFinite(value) ? exact(value).toPlainString() : Double.toString(value);
    }

    /**
     * {@code mapper} set to write every double as {@link #exact(double)} in plain notation, and to read
     * fractions as decimals, so a number read back from a stored report is written again unchanged.
     */
    public static ObjectMapper json(ObjectMapper mapper) {
        SimpleModule m = new SimpleModule("atelier-money");
        m.addSerializer(Double.class, SERIALIZER);
        m.addSerializer(Double.TYPE, SERIALIZER);
        return mapper.registerModule(m)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    private static final JsonSerializer<Double> SERIALIZER = new JsonSerializer<>() {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (Double.isFinite(value)) gen.writeNumber(exact(value));
            else gen.writeNumber(value);
        }
    };
}
