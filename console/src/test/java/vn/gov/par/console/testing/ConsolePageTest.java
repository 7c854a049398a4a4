package vn.gov.par.console.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console as it runs, with its four services and the identity provider's discovery served by {@link FakeServices}:
 * pages are requested through MockMvc by officials signed in with {@link SignedIn}. Every page test shares one context.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ConsolePageTest {

    protected final FakeServices services = FakeServices.shared();

    @Autowired
    protected MockMvc mvc;

    protected SignedIn signedIn;

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        FakeServices fake = FakeServices.shared();
        registry.add("spring.security.oauth2.client.provider.keycloak.issuer-uri", () -> fake.issuer().toString());
        for (String service : new String[] {"plan", "task", "report", "notification"}) {
            registry.add("par.console.services." + service, () -> fake.url().toString());
        }
    }

    @BeforeEach
    void freshServices(@Autowired WebApplicationContext context) {
        services.reset();
        signedIn = new SignedIn(context);
        services.answer("GET", "/api/units/TW", "{\"code\":\"TW\",\"name\":\"Chính phủ\"}");
        services.answer("GET", "/api/units/70", "{\"code\":\"70\",\"name\":\"Tỉnh Bình Phước\"}");
        services.answer("GET", "/api/units/694", "{\"code\":\"694\",\"name\":\"Huyện Hớn Quản\"}");
        services.answer("GET", "/api/units/25327", "{\"code\":\"25327\",\"name\":\"Xã Thanh An\"}");
    }
}
