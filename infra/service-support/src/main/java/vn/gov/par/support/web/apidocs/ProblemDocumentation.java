package vn.gov.par.support.web.apidocs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import vn.gov.par.support.access.Access;

/**
 * The problems each operation can answer with, in its documentation. Those an operation meets by its shape are added by
 * one rule: 401 and 503 always (every API request needs a token, checked against the provider's keys), 403 when it changes something for a signed-in official (whose
 * unit and role must allow it), 400 when it takes a body or a parameter that can be sent wrong, 404 when its path names a resource (unless the
 * handler is {@link NeverNotFound}), 413 when it takes a body (the body limits). Those of its own rules (409,
 * 422 ...) are declared on the handler with {@link ProblemResponse}, saying when. Every one is an RFC 7807 problem
 * ({@code application/problem+json}, schema {@code Problem}), as {@code ProblemDetailsAdvice} writes it.
 */
public class ProblemDocumentation implements OperationCustomizer, OpenApiCustomizer {

    static final String SCHEMA = "Problem";

    /** What each status means on any operation, where the operation does not say it more precisely. */
    private static final Map<String, String> MEANINGS = Map.of(
            "401", "Chưa đăng nhập, hoặc mã truy cập hết hạn, không hợp lệ (`unauthenticated`, `invalid-token`); không có gì thay đổi. "
                    + "· No access token, or an expired or invalid one; nothing changed.",
            "400", "Dữ liệu không hợp lệ: thiếu trường bắt buộc, sai kiểu, tham số sai hoặc nội dung không đọc được; `errors` liệt kê từng trường. "
                    + "· Invalid input: a missing field, a wrong type, a bad parameter or an unreadable body; `errors` lists each field.",
            "403", "Tài khoản không được làm việc này: tài nguyên thuộc đơn vị khác (`not-own-unit`), ngoài phạm vi quản lý "
                    + "(`outside-subtree`), thiếu vai trò cần thiết (`role-required`) hoặc tài khoản chưa gắn đơn vị (`no-unit`); không có gì thay đổi. "
                    + "· Not allowed: another unit's resource, outside the administrator's subtree, a role missing, or an account "
                    + "without a unit; nothing changed.",
            "404", "Không tìm thấy tài nguyên nêu trong đường dẫn, hoặc tài nguyên nằm ngoài phạm vi tài khoản được xem (đơn vị mình, "
                    + "các đơn vị cấp dưới, kế hoạch đã ban hành của cấp trên): hai trường hợp được trả lời như nhau để không lộ dữ liệu của "
                    + "đơn vị khác. · The resource named in the path does not exist, or is outside what the account may see (its own unit, "
                    + "the units below, the issued plans of the units above): both are answered alike, so nothing of another unit leaks.",
            "409", "Thao tác không hợp với trạng thái hiện tại, hoặc dữ liệu vừa được người khác thay đổi (tải lại rồi làm lại). "
                    + "· The action does not fit the current state, or someone else has just changed the data (reload and retry).",
            "413", "Nội dung yêu cầu vượt giới hạn (par.web.request-body.*: 1 MB, tệp nhập 16 MB). "
                    + "· The request body is over its limit (par.web.request-body.*: 1 MB, imports 16 MB).",
            "503", "Chưa kiểm tra được mã truy cập vì dịch vụ chưa lấy được khóa ký của máy chủ đăng nhập (`identity-provider-unavailable`); "
                    + "không có gì thay đổi, thử lại sau (`Retry-After`). · The access token could not be checked: the service has no "
                    + "signing keys from the identity provider yet; nothing changed, retry later.",
            "422", "Nội dung đọc được nhưng trái quy tắc nghiệp vụ; `errors` liệt kê từng điểm. "
                    + "· The content is readable but breaks a business rule; `errors` lists each point.");

    /** The body of every error response: what {@code ProblemDetailsAdvice} writes. */
    @Schema(name = SCHEMA, description = "Lỗi theo RFC 7807, bằng tiếng Việt, với mã ổn định `code`. · An RFC 7807 problem, in Vietnamese, with a stable `code`.")
    record Problem(
            @Schema(description = "urn:par:problem:<code>", example = "urn:par:problem:invalid-transition") String type,
            @Schema(description = "Tiêu đề · Title", example = "Yêu cầu không hợp lệ") String title,
            @Schema(description = "Mã trạng thái HTTP · HTTP status", example = "409") int status,
            @Schema(description = "Điều người dùng cần biết · What the user needs to know",
                    example = "Không thể ban hành kế hoạch đã ban hành (số 96/KH-UBND).") String detail,
            @Schema(description = "Mã ổn định cho giao diện và kịch bản · Stable code for the console and scripts",
                    example = "invalid-transition") String code,
            @Schema(description = "Từng điểm sai, khi có nhiều điểm · Each point, where several are wrong") List<Object> errors) {
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        ModelConverters.getInstance(api.getSpecVersion() == SpecVersion.V31)
                .read(new AnnotatedType(Problem.class)).forEach(api.getComponents()::addSchemas);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), ProblemResponse.class)
                .forEach(declared -> responses.addApiResponse(String.valueOf(declared.status()), new ApiResponse().description(declared.description())));
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean takesBody = operation.getRequestBody() != null;
        responses.putIfAbsent("401", new ApiResponse());
        responses.putIfAbsent("503", new ApiResponse());
        if (!"GET".equals(httpMethod(handler)) && Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == Access.class)) {
            responses.putIfAbsent("403", new ApiResponse());
        }
        if (takesBody || parameters.stream().anyMatch(ProblemDocumentation::canBeWrong)) {
            responses.putIfAbsent("400", new ApiResponse());
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))
                && !AnnotatedElementUtils.hasAnnotation(handler.getMethod(), NeverNotFound.class)) {
            responses.putIfAbsent("404", new ApiResponse());
        }
        if (takesBody) {
            responses.putIfAbsent("413", new ApiResponse());
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(Objects.requireNonNull(MEANINGS.get(status), "No meaning written for " + status));
                }
                response.setContent(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/" + SCHEMA))));
            }
        });
        operation.setResponses(sorted(responses));
        return operation;
    }

    /**
     * A typed parameter (a number, a date, one of a list) can be sent wrong, and so can a required query parameter (it
     * can be left out); a free text in the path cannot.
     */
    private static boolean canBeWrong(Parameter parameter) {
        io.swagger.v3.oas.models.media.Schema<?> schema = parameter.getSchema();
        boolean freeText = schema != null && "string".equals(typeOf(schema)) && schema.getEnum() == null && schema.getFormat() == null;
        boolean canBeLeftOut = Boolean.TRUE.equals(parameter.getRequired()) && !"path".equals(parameter.getIn());
        return canBeLeftOut || !freeText;
    }

    private static String typeOf(io.swagger.v3.oas.models.media.Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getTypes() == null || schema.getTypes().size() != 1 ? null : schema.getTypes().iterator().next();
    }

    private static String httpMethod(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping == null || mapping.method().length == 0 ? "GET" : mapping.method()[0].name();
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        responses.keySet().stream().sorted().forEach(status -> ordered.addApiResponse(status, responses.get(status)));
        return ordered;
    }
}
