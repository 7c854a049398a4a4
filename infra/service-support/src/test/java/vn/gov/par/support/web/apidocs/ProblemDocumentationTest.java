package vn.gov.par.support.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

class ProblemDocumentationTest {

    @SuppressWarnings("unused")
    static class Handlers {
        @ProblemResponse(status = 409, description = "Kế hoạch không còn là dự thảo. · The plan is no longer a draft.")
        void issue() {
        }

        void list() {
        }

        @NeverNotFound
        void tasksOfPlan() {
        }
    }

    private final ProblemDocumentation documentation = new ProblemDocumentation();

    @Test
    void aWriteOnANamedResourceListsInvalidInputNotFoundTooLargeAndItsOwnRefusalsAsProblems() {
        Operation issue = new Operation().addParametersItem(new Parameter().in("path").name("id").schema(new StringSchema()))
                .requestBody(new RequestBody()).responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));

        ApiResponses responses = documentation.customize(issue, handler("issue")).getResponses();

        assertThat(responses.keySet()).containsExactly("200", "400", "401", "404", "409", "413", "503");
        assertThat(responses.get("409").getDescription()).isEqualTo("Kế hoạch không còn là dự thảo. · The plan is no longer a draft.");
        assertThat(responses.get("404").getDescription()).startsWith("Không tìm thấy");
        assertThat(responses.get("413").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(responses.get("200").getContent()).isNull();
    }

    @Test
    void aListWithOnlyFreeTextFiltersCannotBeWrongButATypedOneCan() {
        Operation byText = new Operation().addParametersItem(new Parameter().in("query").name("unitCode").schema(new StringSchema()));
        Operation byPage = new Operation().addParametersItem(new Parameter().in("query").name("page").schema(new IntegerSchema()));

        assertThat(documentation.customize(byText, handler("list")).getResponses()).containsOnlyKeys("401", "503");
        assertThat(documentation.customize(byPage, handler("list")).getResponses()).containsOnlyKeys("400", "401", "503");
    }

    @Test
    void aDateInThePathCanBeSentWrong() {
        Operation adjust = new Operation().addParametersItem(new Parameter().in("path").name("date").required(true)
                .schema(new StringSchema().format("date")));

        assertThat(documentation.customize(adjust, handler("tasksOfPlan")).getResponses()).containsOnlyKeys("400", "401", "503");
    }

    @Test
    void aPathThatScopesAListIsNotDocumentedAsNotFound() {
        Operation tasks = new Operation().addParametersItem(new Parameter().in("path").name("planId").schema(new StringSchema()));

        assertThat(documentation.customize(tasks, handler("tasksOfPlan")).getResponses()).doesNotContainKey("404");
    }

    private static HandlerMethod handler(String name) {
        try {
            return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
