package vn.gov.par.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on a random HTTP port, against the embedded Kafka broker and Mongo-compatible server,
 * with a {@link MutableClock} in place of the system clock and {@link StoreCommands} recording what is asked of the
 * store. Test classes that use it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
@Import({ MutableClock.Configuration.class, StoreCommands.class })
public @interface PlatformIntegrationTest {
}
