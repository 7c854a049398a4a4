package vn.gov.par.report;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import vn.gov.par.report.plan.ReportPlan;
import vn.gov.par.report.report.Report;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.directory.PlanSupervision;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.persistence.AggregateStore;

/** The collections this service owns (and its copy of the units directory), and the reading rules for reporting clauses. */
@Configuration(proxyBeanMethods = false)
class ReportServiceStores {

    private static final String REPORT_PLANS = "report_plans";

    @Bean
    UnitDirectoryView unitDirectory(MongoTemplate mongo) {
        return new UnitDirectoryView(mongo);
    }

    /**
     * Each plan's issuer and the office its reports go through, which reads the plan's work ({@link vn.gov.par.support.access.Access#reads}):
     * read from this service's own plans, which hold both as their clause was read ({@code issuerCode}, {@code via}). Nothing
     * here writes through it.
     */
    @Bean
    PlanSupervision planSupervision(MongoTemplate mongo, UnitDirectoryView units) {
        return PlanSupervision.onAggregates(mongo, units, REPORT_PLANS);
    }

    @Bean
    WorkingCalendarView workingCalendar(MongoTemplate mongo) {
        return new WorkingCalendarView(mongo);
    }

    @Bean
    AggregateStore<Report> reportStore(MongoTemplate mongo) {
        var indexes = mongo.indexOps("reports");
        indexes.createIndex(new Index("rootPlanId", Sort.Direction.ASC).on("periodType", Sort.Direction.ASC));
        indexes.createIndex(new Index("recipientUnitCode", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        indexes.createIndex(new Index("unitCode", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        indexes.createIndex(new Index("overdueAnnounced", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        // A supervising unit's roll-up of a period (its own reports and those below it), and its list of every report below it.
        indexes.createIndex(new Index("unitCode", Sort.Direction.ASC).on("rootPlanId", Sort.Direction.ASC)
                .on("periodType", Sort.Direction.ASC));
        indexes.createIndex(new Index("ancestorCodes", Sort.Direction.ASC).on("rootPlanId", Sort.Direction.ASC)
                .on("periodType", Sort.Direction.ASC));
        indexes.createIndex(new Index("ancestorCodes", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        indexes.createIndex(new Index("planId", Sort.Direction.ASC).on("status", Sort.Direction.ASC));
        mongo.indexOps("obliged_units").createIndex(new Index("planId", Sort.Direction.ASC));
        mongo.indexOps("obliged_units").createIndex(new Index("unitCode", Sort.Direction.ASC));
        return new AggregateStore<>(mongo, Report.class, "reports", Report::id);
    }

    @Bean
    AggregateStore<ReportPlan> reportPlanStore(MongoTemplate mongo) {
        mongo.indexOps(REPORT_PLANS).createIndex(new Index("scheduleRecognised", Sort.Direction.ASC).on("state", Sort.Direction.ASC));
        return new AggregateStore<>(mongo, ReportPlan.class, REPORT_PLANS, ReportPlan::planId);
    }
}
