package vn.gov.par.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictScalarTypesTest {

    record Indicators(int newsArticles, boolean done, double share, LocalDate doneOn) {
    }

    private final JsonMapper json = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        PlatformAutoConfiguration platform = new PlatformAutoConfiguration();
        platform.lenientPrimitives().customize(builder);
        platform.strictScalarTypes().customize(builder);
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"newsArticles\": \"5\"}", "{\"newsArticles\": \"\"}", "{\"newsArticles\": \"\\u0000\"}",
            "{\"newsArticles\": \"  \"}", "{\"newsArticles\": 5.5}", "{\"done\": \"\"}", "{\"done\": 1}", "{\"share\": \"\"}", "{\"doneOn\": 2101}",
            "{\"doneOn\": \"2027-02-30\"}", "{\"doneOn\": \"30/02/2027\"}"})
    void refusesANumberOrFlagSentAsAnythingElse(String body) {
        assertThatThrownBy(() -> json.readValue(body, Indicators.class)).isInstanceOf(JacksonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"newsArticles\": 5, \"done\": true, \"share\": 0.5, \"doneOn\": \"2027-02-28\"}",
            "{\"newsArticles\": 5, \"share\": 1}"})
    void readsNumbersAndFlagsSentAsSuch(String body) {
        assertThat(json.readValue(body, Indicators.class).newsArticles()).isEqualTo(5);
    }
}
