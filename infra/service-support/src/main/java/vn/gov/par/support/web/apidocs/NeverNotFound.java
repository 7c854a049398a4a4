package vn.gov.par.support.web.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation never answers 404 for what its path names, so {@link ProblemDocumentation} documents none: the path
 * scopes a list (an unknown plan gives an empty one: across services, "unknown" may only mean "not heard of yet"), or
 * the operation sets or removes what the path names whether or not it was there (a calendar date, an address).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NeverNotFound {
}
