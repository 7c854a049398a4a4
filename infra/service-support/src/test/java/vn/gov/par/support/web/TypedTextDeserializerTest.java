package vn.gov.par.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class TypedTextDeserializerTest {

    record Note(String text) {
    }

    private final JsonMapper json = JsonMapper.builder()
            .addModule(new SimpleModule("typed-text").addDeserializer(String.class, new TypedTextDeserializer())).build();

    @ParameterizedTest
    @ValueSource(strings = {"Đăng 03 tin trên Trang thông tin điện tử", "Dòng một\nDòng hai\r\n\tthụt lề", ""})
    void keepsWhatAPersonTypes(String text) {
        assertThat(json.readValue(json.writeValueAsString(new Note(text)), Note.class).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thiếu kinh phí\u0000", "\u001b[31mđỏ", "\u0007", "tờ rơi\u007f"})
    void refusesControlCharacters(String text) {
        assertThatThrownBy(() -> json.readValue(json.writeValueAsString(new Note(text)), Note.class))
                .isInstanceOf(JacksonException.class).hasMessageContaining("control character");
    }
}
