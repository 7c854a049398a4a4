package vn.gov.par.deployment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ("250m", "2", "768Mi", "1G"), to compare requests with limits. */
final class Quantities {

    private static final Pattern QUANTITY = Pattern.compile("([0-9.]+)([a-zA-Z]*)");
    private static final Map<String, BigDecimal> SUFFIXES = Map.of(
            "", BigDecimal.ONE, "m", new BigDecimal("0.001"),
            "k", BigDecimal.valueOf(1_000L), "M", BigDecimal.valueOf(1_000_000L), "G", BigDecimal.valueOf(1_000_000_000L),
            "Ki", BigDecimal.valueOf(1L << 10), "Mi", BigDecimal.valueOf(1L << 20), "Gi", BigDecimal.valueOf(1L << 30));

    private Quantities() {
    }

    static BigDecimal of(String quantity) {
        Matcher matcher = QUANTITY.matcher(quantity);
        if (!matcher.matches() || !SUFFIXES.containsKey(matcher.group(2))) {
            throw new IllegalArgumentException("not a quantity: " + quantity);
        }
        return new BigDecimal(matcher.group(1)).multiply(SUFFIXES.get(matcher.group(2)));
    }
}
