package vn.gov.par.support.web.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem an operation answers with by a rule of its own, and when, Vietnamese first then English ("… · …"). The ones
 * every operation of its shape can meet (400, 404, 413) need no annotation: {@link ProblemDocumentation} adds them.
 * (Not {@code @ApiResponse}: declaring one makes springdoc drop the operation's own success response.)
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    /** The HTTP status: 404, 409, 422 ... */
    int status();

    /** When the operation answers with it; empty for the status's usual meaning. */
    String description() default "";

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface List {
        ProblemResponse[] value();
    }
}
