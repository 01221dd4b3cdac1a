package org.chunkedupload.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a provider author should check when the rule fails. Carried at run time, so that
 * conformance reports ({@code chunked-upload tck}) print it next to the failure.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Hint {
    /** @return the text after "If this fails, check: " */
    String value();
}
