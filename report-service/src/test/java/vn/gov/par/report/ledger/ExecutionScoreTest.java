package vn.gov.par.report.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The commune PAR-index guidance: 100% done earns the full point, 90–100% in proportion, under 90% nothing. */
class ExecutionScoreTest {

    private static final double FULL_POINT = 1.0;

    private static ExecutionScore scored(long due, long done) {
        return ExecutionScore.of("25327", 2025, new TaskLedger.Execution(due, done), FULL_POINT);
    }

    @Test
    void everythingDoneEarnsTheFullPoint() {
        assertThat(scored(20, 20).score()).isEqualTo(FULL_POINT);
        assertThat(scored(20, 20).share()).isEqualTo(1.0);
    }

    @Test
    void ninetyFivePercentEarnsNinetyFiveHundredthsOfThePoint() {
        assertThat(scored(20, 19).score()).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void exactlyNinetyPercentStillEarnsItsShare() {
        assertThat(scored(10, 9).score()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void justUnderNinetyPercentEarnsNothing() {
        ExecutionScore score = scored(1000, 899);

        assertThat(score.share()).isCloseTo(0.899, within(1e-9));
        assertThat(score.score()).isZero();
    }

    @Test
    void nothingDueYetHasNoShareAndNoScore() {
        ExecutionScore score = scored(0, 0);

        assertThat(score.share()).isNull();
        assertThat(score.score()).isNull();
    }

    @Test
    void theScoreIsOutOfTheConfiguredPoints() {
        assertThat(ExecutionScore.of("25327", 2025, new TaskLedger.Execution(20, 19), 2.0).score()).isCloseTo(1.9, within(1e-9));
    }
}
