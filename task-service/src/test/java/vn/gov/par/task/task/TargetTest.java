package vn.gov.par.task.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Products as plans write them, and the count per period read from them. */
class TargetTest {

    @ParameterizedTest(name = "\"{0}\" -> {1} per {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Mỗi tháng 01 bản tin                 | 1 | MONTH
            Mỗi tháng 02 kỳ                      | 2 | MONTH
            Trung bình mỗi tuần 01 bản tin       | 1 | WEEK
            Mỗi đơn vị ít nhất 01 video, clip    | 1 | UNIT
            Mỗi quý 01 bản tin                   | 1 | QUARTER
            Mỗi quí 01 bản tin                   | 1 | QUARTER
            MOI THANG 03 TIN BAI                 | 3 | MONTH
            mỗi năm tối thiểu 12 chuyên mục      | 12 | YEAR
            """)
    void readsTheCountPerPeriod(String product, int count, Target.Per per) {
        assertThat(Target.of(product)).contains(new Target(count, per));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Áp phích, tờ rơi", "01 bản tin", "Mỗi tháng một bản tin", "Mỗi kỳ 01 bản tin"})
    void aProductWithoutACountPerPeriodHasNoTarget(String product) {
        assertThat(Target.of(product)).isEmpty();
    }
}
