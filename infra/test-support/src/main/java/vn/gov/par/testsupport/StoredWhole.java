package vn.gov.par.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Checks that an accepted request was stored whole: every value it sent that the stored resource has under the same
 * name reads back as sent (text with its diacritics, dates as given). Blank text and null may read back as absent.
 */
public final class StoredWhole {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.TRIM_SPACES).build();

    private StoredWhole() {
    }

    /** The data rows of an accepted CSV import, each as a JSON object keyed by the header, to compare with what was stored. */
    public static List<JsonNode> csvRows(String csv) {
        try (MappingIterator<JsonNode> rows = CSV.readerFor(JsonNode.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)) {
            return rows.readAll();
        }
    }

    public static void assertStoredAsSent(JsonNode stored, JsonNode sent, Object context) {
        compare(stored, sent, "", context);
    }

    private static void compare(JsonNode stored, JsonNode sent, String at, Object context) {
        if (sent == null || sent.isNull() || (sent.isString() && sent.asString().isBlank())) {
            return;
        }
        if (sent.isObject()) {
            for (String name : sent.propertyNames()) {
                if (stored.has(name)) {
                    compare(stored.get(name), sent.get(name), at + "/" + name, context);
                }
            }
        } else if (sent.isArray()) {
            assertThat(stored.isArray()).as(at + " stored as a list: " + context).isTrue();
            assertThat(stored.size()).as(at + " stored with every element: " + context).isEqualTo(sent.size());
            for (int i = 0; i < sent.size(); i++) {
                compare(stored.get(i), sent.get(i), at + "/" + i, context);
            }
        } else {
            assertThat(stored.asString().strip()).as(at + " stored as sent: " + context).isEqualTo(sent.asString().strip());
        }
    }
}
