package vn.gov.par.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/** What every refusal must look like: a 4xx RFC 7807 problem whose detail an official reads, in Vietnamese, intact. */
public final class ProblemAssertions {

    /** Letters only Vietnamese uses: a detail in Vietnamese has at least one, and a detail that lost its diacritics has none. */
    private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ProblemAssertions() {
    }

    /** Asserts the response is such a problem and answers its JSON. */
    public static JsonNode assertClientProblem(RawHttp.Response response, Object request) {
        String context = request + "\n→ " + response;
        assertThat(response.status()).as(context).isBetween(400, 499);
        assertThat(response.contentType()).as(context).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString("")).as(context).isNotBlank();
        assertThat(problem.path("title").asString("")).as(context).isNotBlank();
        assertThat(problem.path("status").asInt()).as(context).isEqualTo(response.status());
        String detail = problem.path("detail").asString("");
        assertThat(detail).as(context).isNotBlank().doesNotContain("\uFFFD");
        assertThat(VIETNAMESE.matcher(detail).find()).as("detail in Vietnamese, with its diacritics: " + context).isTrue();
        return problem;
    }
}
