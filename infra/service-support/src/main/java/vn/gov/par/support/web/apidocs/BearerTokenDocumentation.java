package vn.gov.par.support.web.apidocs;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Every operation takes the caller's access token as a bearer token: said once, so Swagger UI asks for it once. */
public class BearerTokenDocumentation implements OpenApiCustomizer {

    static final String SCHEME = "bearer";

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("Mã truy cập của người dùng đã đăng nhập (OpenID Connect). "
                        + "· The signed-in user's access token (OpenID Connect)."));
        api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
