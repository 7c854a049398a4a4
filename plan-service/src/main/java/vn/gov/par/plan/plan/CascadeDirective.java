package vn.gov.par.plan.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import vn.gov.par.support.text.VietnameseDates;
import vn.gov.par.support.timeframe.Schedule;
import vn.gov.par.support.timeframe.ScheduleKind;
import vn.gov.par.support.timeframe.TimeframeParser;

/**
 * Which units below the issuer must issue their own plan, and by when. A plan that gives none orders no sub-plans (a
 * commune's plan, usually).
 *
 * @param dueDate                the deadline; when not given, read from {@code dueAsWritten}
 * @param subordinateGovernments every government unit directly below the issuer; true unless said otherwise
 * @param ownAgencies            every agency attached to the issuer; false unless said otherwise
 * @param agencyCodes            agencies named one by one, anywhere in the issuer's subtree
 * @param dueAsWritten           the deadline as the plan writes it ("chậm nhất trong tháng 02/2025"), kept beside the date
 */
public record CascadeDirective(LocalDate dueDate, Boolean subordinateGovernments, Boolean ownAgencies, List<String> agencyCodes,
        String dueAsWritten) {

    public CascadeDirective {
        subordinateGovernments = subordinateGovernments == null || subordinateGovernments;
        ownAgencies = ownAgencies != null && ownAgencies;
        agencyCodes = agencyCodes == null ? List.of() : List.copyOf(agencyCodes);
        dueAsWritten = dueAsWritten == null || dueAsWritten.isBlank() ? null : dueAsWritten.strip();
    }

    /** What a plan without a directive orders: nothing. */
    public static CascadeDirective none() {
        return new CascadeDirective(null, false, false, List.of(), null);
    }

    /** What a prepared sub-plan draft proposes: the unit's own governments below it, by a date the unit sets. */
    public static CascadeDirective toSubordinateGovernments() {
        return new CascadeDirective(null, true, false, List.of(), null);
    }

    /** The directive with its date read from its wording for a plan of {@code year}, when only the wording was given. */
    CascadeDirective readFor(int year) {
        return dueDate != null ? this : dateAsWritten(year)
                .map(date -> new CascadeDirective(date, subordinateGovernments, ownAgencies, agencyCodes, dueAsWritten)).orElse(this);
    }

    /** Why the directive cannot be issued as it stands, if it cannot: the wording is unreadable, or says another date. */
    Optional<String> wordingProblem(int year) {
        if (dueAsWritten == null) {
            return Optional.empty();
        }
        Optional<LocalDate> read = dateAsWritten(year);
        if (read.isEmpty()) {
            return dueDate != null ? Optional.empty()
                    : Optional.of("Không đọc được thời hạn \"" + dueAsWritten + "\"; hãy ghi ngày cụ thể (cascade.dueDate).");
        }
        return read.get().equals(dueDate) ? Optional.empty() : Optional.of("Thời hạn ghi \"" + dueAsWritten + "\" là ngày "
                + VietnameseDates.format(read.get()) + ", khác ngày đã nhập " + VietnameseDates.format(dueDate) + " (cascade.dueDate).");
    }

    /** One deadline the wording sets ("trước ngày 15/3/2025", "chậm nhất trong tháng 02/2025"), read as task timeframes are. */
    private Optional<LocalDate> dateAsWritten(int year) {
        if (dueAsWritten == null) {
            return Optional.empty();
        }
        Schedule read = TimeframeParser.parse(dueAsWritten, year);
        return read.kind() == ScheduleKind.ONCE && read.occurrences().size() == 1 ? Optional.ofNullable(read.occurrences().get(0).dueDate())
                : Optional.empty();
    }
}
