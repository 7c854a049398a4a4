package vn.gov.par.plan.unit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;
import vn.gov.par.plan.unit.UnitRow;
import vn.gov.par.support.domain.RuleViolationException;

/**
 * Reads an import file in the documented CSV layout: header {@code code,name,level,kind,parentCode}, UTF-8, and optionally an
 * {@code establishedOn} column for units formed on a day (dd/MM/yyyy).
 */
@Component
class UnitRowsReader {

    static final List<String> HEADER = List.of("code", "name", "level", "kind", "parentCode");

    private final CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.TRIM_SPACES).build();

    List<UnitRow> fromCsv(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (MappingIterator<Map<String, String>> lines = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(content)) {
            List<UnitRow> rows = new ArrayList<>();
            while (lines.hasNextValue()) {
                Map<String, String> line = lines.nextValue();
                if (rows.isEmpty()) {
                    checkHeader(line.keySet());
                }
                rows.add(new UnitRow(rows.size() + 1, line.get("code"), line.get("name"), line.get("level"), line.get("kind"),
                        line.get("parentCode"), line.get("establishedOn")));
            }
            return rows;
        } catch (JacksonException e) {
            throw RuleViolationException.invalid("unreadable-csv", "Không đọc được tệp CSV: " + e.getOriginalMessage());
        }
    }

    List<UnitRow> fromJson(List<UnitRowRequest> requests) {
        List<UnitRow> rows = new ArrayList<>();
        for (UnitRowRequest r : requests) {
            rows.add(new UnitRow(rows.size() + 1, strip(r.code()), r.name(), r.level(), r.kind(), strip(r.parentCode()), strip(r.establishedOn())));
        }
        return rows;
    }

    private static void checkHeader(Set<String> columns) {
        if (!columns.containsAll(HEADER)) {
            throw RuleViolationException.invalid("bad-csv-header",
                    "Dòng tiêu đề của tệp CSV phải là: " + String.join(",", HEADER) + " (nhận được: " + String.join(",", columns) + ").");
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    record UnitRowRequest(String code, String name, String level, String kind, String parentCode, String establishedOn) {
    }
}
