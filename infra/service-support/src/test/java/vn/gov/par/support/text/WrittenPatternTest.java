package vn.gov.par.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WrittenPatternTest {

    @ParameterizedTest(name = "{0} finds \"{2}\" in \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            so noi vu                      | Phối hợp với Sở Nội vụ tỉnh và các sở         | Sở Nội vụ
            so noi vu                      | SỞ NỘI VỤ                                     | SỞ NỘI VỤ
            phong van hoa thong tin        | Phòng Văn hóa - Thông tin huyện                | Phòng Văn hóa - Thông tin
            phong van hoa thong tin        | Phòng Văn hoá – Thông tin huyện                | Phòng Văn hoá – Thông tin
            van phong hdnd va ubnd         | Văn phòng HĐND&UBND huyện                      | Văn phòng HĐND&UBND
            ubnd cac huyen(?: ?, ?thi xa)? | UBND các huyện, thị xã, thành phố              | UBND các huyện, thị xã
            """)
    void findsTheFoldedFormInTheTextAsWritten(String folded, String written, String found) {
        Matcher matcher = WrittenPattern.of("\\b(?:" + folded + ")\\b").matcher(written);

        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group()).isEqualTo(WrittenPattern.nfc(found));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            so noi vu        | Trụ sở nội vụx
            so noi vu        | Sở Nội v
            ubnd cac huyen   | UBND các huyệnx
            """)
    void aWordIsMatchedWholeOrNotAtAll(String folded, String written) {
        assertThat(WrittenPattern.of("\\b(?:" + folded + ")\\b").matcher(written).find()).isFalse();
    }

    @Test
    void textWithDecomposedMarksIsMatchedAsComposed() {
        String decomposed = Normalizer.normalize("Phối hợp với Sở Nội vụ", Normalizer.Form.NFD);

        Matcher matcher = WrittenPattern.of("\\bso noi vu\\b").matcher(decomposed);

        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group()).isEqualTo("Sở Nội vụ");
    }
}
