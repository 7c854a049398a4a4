package vn.gov.par.support.metrics;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

/**
 * Counts of documents in the store, one time series per combination of tags, as the last refresh found them. A scrape
 * reads the numbers kept here and never queries the store: on the embedded store every query not on {@code _id} reads a
 * whole collection. A combination missing from a refresh is dropped, so report zeros for those that should stay visible.
 */
public final class CountGauge {

    private final MultiGauge gauge;

    public CountGauge(String name, String description, MeterRegistry meters) {
        this.gauge = MultiGauge.builder(name).description(description).register(meters);
    }

    /** The province tag of an item; work of a unit in no province (a ministry's) is counted under "none". */
    public static Tag province(String provinceCode) {
        return Tag.of("province", provinceCode == null ? "none" : provinceCode);
    }

    /** A count of zero for each value of the tag, to add to: a status nobody is in still shows, as 0. */
    public static Map<Tags, Long> zeroes(String tag, Enum<?>[] values) {
        Map<Tags, Long> counts = new HashMap<>();
        for (Enum<?> value : values) {
            counts.put(Tags.of(tag, value.name()), 0L);
        }
        return counts;
    }

    public void set(Map<Tags, Long> counts) {
        gauge.register(counts.entrySet().stream().map(count -> MultiGauge.Row.of(count.getKey(), count.getValue())).toList(), true);
    }
}
