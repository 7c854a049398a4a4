package vn.gov.par.console.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A calendar adjustment as the form takes it. The date stays the text typed: the service reads it and says why it is
 * not a date, beside the field.
 */
public class AdjustmentForm {

    private String date;
    private String name;
    private Boolean dayOff;

    static AdjustmentForm of(CalendarDays.Adjustment adjustment) {
        AdjustmentForm form = new AdjustmentForm();
        form.date = adjustment.date().toString();
        form.name = adjustment.name();
        form.dayOff = adjustment.dayOff();
        return form;
    }

    boolean hasDate() {
        return date != null && !date.isBlank();
    }

    /** The body of {@code PUT /api/calendar-adjustments/{date}}: without a name, the service names the day itself. */
    Map<String, Object> request() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name == null || name.isBlank() ? null : name.strip());
        request.put("dayOff", dayOff);
        return request;
    }

    public String getDate() { return date; }
    public void setDate(String date) { this.date = date == null ? null : date.strip(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Boolean getDayOff() { return dayOff; }
    public void setDayOff(Boolean dayOff) { this.dayOff = dayOff; }
}
