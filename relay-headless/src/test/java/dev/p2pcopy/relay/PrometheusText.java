package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Prometheus text format 0.0.4 strictly enough to catch a broken exposition: every sample line must be
 * well formed and belong to a family declared by a {@code # TYPE} line before it.
 */
final class PrometheusText {

    private static final Pattern TYPE =
            Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*");
    private static final Pattern SAMPLE =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\",?)*})?"
                    + " ([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|Inf))");

    private final Map<String, String> types = new HashMap<>();
    private final Map<String, Double> samples = new LinkedHashMap<>();

    private PrometheusText() {}

    static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        assertThat(text).endsWith("\n");
        for (String line : text.split("\n")) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                parsed.types.put(type.group(1), type.group(2));
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: " + line).isTrue();
            assertThat(parsed.familyOf(sample.group(1)))
                    .as("the family of " + line + " was declared")
                    .isNotNull();
            String labels = sample.group(2) == null ? "" : sample.group(2);
            parsed.samples.put(
                    sample.group(1) + labels, Double.parseDouble(sample.group(3).replace("Inf", "Infinity")));
        }
        return parsed;
    }

    /** @return the type a family was declared with, e.g. {@code counter} */
    String type(String family) {
        return types.get(family);
    }

    /**
     * The value of one sample.
     *
     * @param series the name and the labels as exposed, e.g. {@code x_total{reason="a"}}
     * @return its value, or 0 if the relay does not expose it (yet)
     */
    double value(String series) {
        return samples.getOrDefault(series, 0.0);
    }

    boolean has(String series) {
        return samples.containsKey(series);
    }

    private String familyOf(String sampleName) {
        for (String suffix : new String[] {"", "_total", "_bucket", "_count", "_sum", "_created"}) {
            if (sampleName.endsWith(suffix)) {
                String family = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(family)) {
                    return family;
                }
            }
        }
        return null;
    }
}
