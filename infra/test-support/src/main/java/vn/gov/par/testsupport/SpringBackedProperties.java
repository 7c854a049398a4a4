package vn.gov.par.testsupport;

import org.springframework.test.context.TestContextManager;

import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * A base for jqwik property classes that exercise a running service. jqwik does not run Spring's JUnit extension, so
 * each instance is prepared by Spring's own {@link TestContextManager}: fields are injected from the context that the
 * class's annotations (e.g. {@link PlatformIntegrationTest}) describe, taken from the same cache the JUnit tests of
 * the module use, so the service is started once for both.
 */
public abstract class SpringBackedProperties {

    @BeforeProperty
    public void prepareFromSpringContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
    }
}
